import type { PdfEstimateData, PdfInvoiceData } from ".."
import { renderDocumentPdf, statementPdfData } from ".."
import { translator } from "../../i18n"
import { serializePortalStatement } from "../../serializers"
import { computeStatement } from "../../statement"
import { readPdf } from "./extract-text"

const branding = { business_name: "Acme Plumbing", support_email: "help@acme.example", tax_id: "B12345678" }

const invoice: PdfInvoiceData = {
  kind: "invoice",
  number: "INV-0001",
  status: "unpaid",
  status_label: "Unpaid",
  issue_date: "2026-01-05T00:00:00.000Z",
  due_date: "2026-02-04T00:00:00.000Z",
  currency_code: "eur",
  customer: { name: "Ana Díaz" },
  lines: [{ title: "Reparación", quantity: 3, unit_price: "1999.99", tax_rate: 21, total: "5999.97" }],
  subtotal: "5999.97",
  tax_total: "1259.99",
  total: "7259.96",
  payment_instructions: "Transferencia a ES00 1234",
}

const estimate: PdfEstimateData = {
  kind: "estimate",
  number: "EST-0007",
  status: "accepted",
  status_label: "Accepted",
  issue_date: "2026-01-05",
  currency_code: "eur",
  customer: { name: "Ana Díaz" },
  lines: [{ title: "Baño", quantity: 1, unit_price: "1200", tax_rate: null, total: "1200" }],
  subtotal: "1200",
  tax_total: "0",
  total: "1200",
  decision: { decision: "accepted", signed_name: "Ana Díaz", decided_at: "2026-01-06T10:00:00Z", document_hash: "ab".repeat(32) },
}

describe("a PDF in the customer's language", () => {
  it("prints a Spanish invoice: words, dates and amounts", async () => {
    const { text } = await readPdf(await renderDocumentPdf(invoice, branding, { locale: "es" }))
    for (const words of ["Factura INV-0001", "Pendiente", "Fecha de emisión", "FACTURAR A", "Importe pendiente", "Importe neto", "Cómo pagar", "Descripción", "NIF B12345678", "Página 1 de 1", "¿Preguntas? Escriba a help@acme.example"]) {
      expect(text).toContain(words)
    }
    expect(text).toContain("5 de enero de 2026")
    expect(text).toContain("7259,96")
    expect(text).not.toMatch(/Amount due|Issue date|Bill to/)
  })

  it("prints the signed approval of a Spanish estimate", async () => {
    const { text } = await readPdf(await renderDocumentPdf(estimate, branding, { locale: "es-MX" }))
    expect(text).toContain("Presupuesto EST-0007")
    expect(text).toContain("Aceptado")
    expect(text).toContain("Aprobado por Ana Díaz el 6 de enero de 2026.")
  })

  it("stays in English without a locale", async () => {
    const { text } = await readPdf(await renderDocumentPdf(invoice, branding))
    for (const words of ["Invoice INV-0001", "Unpaid", "Issue date", "BILL TO", "Amount due", "Tax ID B12345678", "Page 1 of 1"]) {
      expect(text).toContain(words)
    }
  })

  describe("the statement", () => {
    const ledger = {
      invoices: [{ id: "inv_1", number: "INV-0001", currency_code: "eur", issue_date: "2026-03-02", due_date: "2026-03-10", total: "100" }],
      payments: [{ id: "pay_1", invoice_id: "inv_1", amount: "40", paid_at: "2026-03-05T10:00:00Z", method: "bank_transfer" }],
    }
    const customer = { id: "cus_1", first_name: "Ana", last_name: "Díaz", email: "ana@example.com", company_name: null, phone: null, address: null }
    /** As the routes make it: the serializer in the reader's language, then the PDF in the same one. */
    const render = (locale?: string) =>
      renderDocumentPdf(
        statementPdfData(serializePortalStatement(computeStatement(ledger, { from: "2026-03-01", to: "2026-03-31" }), translator(locale)), customer as never),
        branding,
        { locale }
      )

    it("prints a Spanish statement: headings, entries, ageing, dates and amounts", async () => {
      const { text } = await readPdf(await render("es"))
      for (const words of [
        "Estado de cuenta",
        "A 31 de marzo de 2026",
        "Desde",
        "Saldo (EUR)",
        "Cuenta en EUR",
        "Saldo inicial",
        "Cargos",
        "Factura INV-0001",
        "Pago de INV-0001 (Transferencia bancaria)",
        "Facturas y reembolsos",
        "Saldo final",
        "Antigüedad en EUR",
        "Al corriente",
        "Total pendiente",
        "Página 1 de 1",
      ]) {
        expect(text).toContain(words)
      }
      expect(text).toContain("60,00")
      expect(text).not.toMatch(/Statement|Opening balance|Payment for|Closing balance|Ageing|Current|Page 1/)
    })

    it("stays in English without a locale", async () => {
      const { text } = await readPdf(await render())
      for (const words of ["Statement of account", "As of March 31, 2026", "Opening balance", "Invoice INV-0001", "Payment for INV-0001 (Bank transfer)", "Closing balance", "Current", "Page 1 of 1"]) {
        expect(text).toContain(words)
      }
    })
  })
})
