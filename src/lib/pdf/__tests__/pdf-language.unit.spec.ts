import type { PdfEstimateData, PdfInvoiceData } from ".."
import { renderDocumentPdf } from ".."
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
})
