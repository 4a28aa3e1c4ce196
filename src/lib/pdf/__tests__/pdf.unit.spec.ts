import { MedusaError } from "@medusajs/framework/utils"
import type { PdfEstimateData, PdfInvoiceData, PdfLine } from ".."
import { invoicePdfAsksForPayment, invoicePdfData, pdfFileName, renderDocumentPdf, toWinAnsi } from ".."
import { statusBadgeColors } from "../status-colors"
import { readPdf } from "./extract-text"

const branding = {
  business_name: "Acme Plumbing",
  logo_url: "https://cdn.example.com/logo.png",
  accent_color: "#0f766e",
  support_email: "help@acme.example",
}

function line(title: string, overrides: Partial<PdfLine> = {}): PdfLine {
  return { title, quantity: 3, unit_price: "19.99", tax_rate: null, total: "59.97", ...overrides }
}

function invoice(overrides: Partial<PdfInvoiceData> = {}): PdfInvoiceData {
  return {
    kind: "invoice",
    number: "INV-0001",
    status_label: "Unpaid",
    issue_date: "2026-01-05T00:00:00.000Z",
    due_date: new Date("2026-02-04T00:00:00.000Z"),
    currency_code: "usd",
    customer: { name: "Jane Doe", email: "jane@example.com", company: "Doe Ltd", address_lines: ["1 Main St", "Springfield"] },
    lines: [line("Pipe repair", { description: "Kitchen sink, parts included" })],
    subtotal: "59.97",
    tax_total: "0",
    total: "59.97",
    ...overrides,
  }
}

function estimate(overrides: Partial<PdfEstimateData> = {}): PdfEstimateData {
  return {
    kind: "estimate",
    number: "EST-0007",
    status_label: "Pending",
    issue_date: "2026-01-05",
    valid_until: "2026-02-05",
    currency_code: "eur",
    customer: { name: "Jane Doe" },
    lines: [line("Bathroom refit", { quantity: 1, unit_price: "1200", tax_rate: 20, total: "1440" })],
    subtotal: "1200",
    tax_total: "240",
    total: "1440",
    ...overrides,
  }
}

const manyLines = (count: number) =>
  Array.from({ length: count }, (_, i) =>
    line(`Line item ${String(i + 1).padStart(3, "0")}`, i % 4 === 0 ? { description: "Labour and materials, on site" } : {})
  )

describe("renderDocumentPdf", () => {
  it("renders an invoice with its number, lines, formatted total and status", async () => {
    const buffer = await renderDocumentPdf(
      invoice({ lines: [line("Pipe repair"), line("Valve", { quantity: 1, unit_price: 5, total: 5 })], total: "64.97" }),
      branding
    )
    expect(buffer.subarray(0, 5).toString("latin1")).toBe("%PDF-")
    const { text, pages } = await readPdf(buffer)
    expect(pages).toBe(1)
    expect(text).toContain("Invoice INV-0001")
    expect(text).toContain("Unpaid")
    expect(text).toContain("Pipe repair")
    expect(text).toContain("Valve")
    expect(text).toContain("$59.97")
    expect(text).toContain("$64.97")
    expect(text).toContain("Acme Plumbing")
    expect(text).toContain("BILL TO")
    expect(text).toMatch(/Issue date\s+January 5, 2026/)
    expect(text).toMatch(/Due date\s+February 4, 2026/)
    expect(text).toContain("Questions? Email help@acme.example")
    expect(text).toContain("Page 1 of 1")
  })

  it("prints the invoice totals, what was paid and the amount due", async () => {
    const data = invoice({
      lines: [line("Boiler service", { quantity: 2, unit_price: "100", tax_rate: "20", total: "240" })],
      subtotal: "200",
      tax_total: "40",
      total: "240",
      amount_paid: "40.5",
      payments: [{ paid_at: "2026-01-10T15:00:00.000Z", amount: "40.5", method_label: "Bank transfer" }],
    })
    const { text } = await readPdf(await renderDocumentPdf(data, branding))
    expect(text).toMatch(/Subtotal\s+\$200\.00/)
    expect(text).toMatch(/Tax\s+\$40\.00/)
    expect(text).toMatch(/Total\s+\$240\.00/)
    expect(text).toMatch(/Amount paid\s+\$40\.50/)
    expect(text).toMatch(/Amount due\s+\$199\.50/)
    expect(text).toContain("20%")
    expect(text).toMatch(/January 10, 2026\s+Bank transfer\s+\$40\.50/)
  })

  it("prints the open amount it is given rather than recomputing it", async () => {
    const { text } = await readPdf(await renderDocumentPdf(invoice({ amount_paid: "10", open_amount: "0" }), branding))
    expect(text).toMatch(/Amount due\s+\$0\.00/)
    expect(text).not.toContain("$49.97")
  })

  it("prints customer notes only when there are some", async () => {
    const withNotes = await readPdf(await renderDocumentPdf(invoice({ notes: "Thanks!\nPay by transfer." }), branding))
    expect(withNotes.text).toMatch(/Notes\s+Thanks!\s+Pay by transfer\./)
    const without = await readPdf(await renderDocumentPdf(invoice({ notes: null }), branding))
    expect(without.text).not.toContain("Notes")
    expect(without.text).not.toContain("Payments")
  })

  it("renders an estimate with its validity and no payment rows", async () => {
    const { text } = await readPdf(await renderDocumentPdf(estimate(), branding))
    expect(text).toContain("Estimate EST-0007")
    expect(text).toContain("Pending")
    expect(text).toContain("PREPARED FOR")
    expect(text).toMatch(/Valid until\s+February 5, 2026/)
    expect(text).toContain("€1,440.00")
    expect(text).not.toContain("Amount due")
    expect(text).not.toContain("Amount paid")
  })

  it("paginates 120 lines, repeating the table header, and keeps every title", async () => {
    const lines = manyLines(120)
    const { text, pages, pageTexts } = await readPdf(await renderDocumentPdf(invoice({ lines }), branding))
    expect(pages).toBeGreaterThanOrEqual(3)
    for (const l of lines) {
      expect(text).toContain(l.title)
    }
    pageTexts.forEach((page, i) => {
      expect(page).toContain(`Page ${i + 1} of ${pages}`)
      if (i < pages - 1) {
        expect(page).toContain("Description Qty Unit price Tax Amount")
      }
      if (i > 0) {
        expect(page).toContain("Acme Plumbing · Invoice INV-0001")
      }
    })
    // Each title once: no row is drawn twice across a page break.
    expect(text.match(/Line item 060/g)).toHaveLength(1)
  })

  it("prints markup and accented text literally, and degrades characters Helvetica lacks", async () => {
    const title = `<script>alert("x")</script> & Crème brûlée für Straße Łódź`
    const data = invoice({ lines: [line(title)], customer: { name: "Zoë Łukasz", company: "Привет Ltd" } })
    const { text, info } = await readPdf(await renderDocumentPdf(data, { ...branding, business_name: "Łukasz & Søn" }))
    // The title wraps inside its cell: compare with line breaks read as spaces.
    expect(text.replace(/\s+/g, " ")).toContain(`<script>alert("x")</script> & Crème brûlée für Straße Lódz`)
    expect(text).toContain("Zoë Lukasz")
    expect(text).toContain("?????? Ltd")
    expect(text).toContain("Lukasz & Søn")
    // Metadata is UTF-16 in the file, so it keeps the real name.
    expect(info.Author).toBe("Łukasz & Søn")
  })

  it("is deterministic: the same data renders to the same bytes, dated by the issue date", async () => {
    const a = await renderDocumentPdf(invoice({ lines: manyLines(30) }), branding)
    const b = await renderDocumentPdf(invoice({ lines: manyLines(30) }), branding)
    expect(a.equals(b)).toBe(true)
    const { info } = await readPdf(a)
    expect(info).toMatchObject({ Title: "Invoice INV-0001", Author: "Acme Plumbing", CreationDate: "D:20260105000000Z" })
  })

  it("formats with the customer's locale and time zone", async () => {
    const data = invoice({ issue_date: "2026-01-05T03:00:00.000Z", currency_code: "eur" })
    const { text } = await readPdf(await renderDocumentPdf(data, branding, { locale: "fr-FR", time_zone: "America/New_York" }))
    // fr-FR uses narrow no-break spaces, outside WinAnsi: they print as plain spaces.
    expect(text).toContain("59,97 €")
    expect(text).toContain("4 janvier 2026")
  })

  it("falls back to defaults for unknown branding, locale and time zone", async () => {
    const { text } = await readPdf(
      await renderDocumentPdf(invoice(), { accent_color: "red; x", support_email: "not-an-email" }, {
        locale: "zz-invalid-@@",
        time_zone: "Mars/Olympus",
      })
    )
    expect(text).toContain("Customer portal")
    expect(text).toContain("January 5, 2026")
    expect(text).not.toContain("Questions?")
  })

  it("never fetches the logo", async () => {
    const fetchSpy = jest.spyOn(globalThis, "fetch")
    await renderDocumentPdf(invoice(), branding)
    expect(fetchSpy).not.toHaveBeenCalled()
    fetchSpy.mockRestore()
  })

  it("clips a description taller than a page instead of breaking the layout", async () => {
    const essay = Array.from({ length: 400 }, (_, i) => `Sentence number ${i} of a very long description.`).join(" ")
    const data = invoice({ lines: [line("Short"), line("Essay", { description: essay }), line("After")] })
    const { text, pages } = await readPdf(await renderDocumentPdf(data, branding))
    expect(pages).toBeLessThanOrEqual(3)
    expect(text).toContain("Essay")
    expect(text).toContain("After")
    expect(text).not.toContain("Sentence number 399")
  })

  it("rejects invalid data with an error naming the field", async () => {
    const cases: [PdfInvoiceData, RegExp][] = [
      [invoice({ lines: [line("A"), line("B", { unit_price: "12,50" })] }), /lines\[1\]\.unit_price/],
      [invoice({ currency_code: "dollars" }), /currency_code/],
      [invoice({ issue_date: "not a date" }), /issue_date/],
      [invoice({ number: " " }), /number is required/],
      [invoice({ total: Number.NaN }), /total/],
      [invoice({ customer: { name: "" } }), /customer/],
    ]
    for (const [data, message] of cases) {
      const error = await renderDocumentPdf(data, branding).catch((e) => e)
      expect(error).toBeInstanceOf(MedusaError)
      expect(error.type).toBe(MedusaError.Types.INVALID_DATA)
      expect(error.message).toMatch(message)
    }
    await expect(renderDocumentPdf({ ...invoice(), kind: "receipt" } as any, branding)).rejects.toThrow(/kind/)
  })
})

describe("toWinAnsi", () => {
  it("keeps what Helvetica can print and replaces the rest predictably", () => {
    expect(toWinAnsi("Crème brûlée, Straße, Œuvre — “quoted” €5 … ™")).toBe("Crème brûlée, Straße, Œuvre — “quoted” €5 … ™")
    expect(toWinAnsi("Łódź, Đakovo, Ostrava-Poruba, Şişli, Ærø")).toBe("Lódz, Dakovo, Ostrava-Poruba, Sisli, Ærø")
    expect(toWinAnsi("e\u0301")).toBe("é")
    expect(toWinAnsi("a\u202fb\u2212c\u200bd\u00a0e\tf")).toBe("a b-cd\u00a0e f")
    expect(toWinAnsi("Привет 漢字 👍")).toBe("?????? ?? ?")
    expect(toWinAnsi("line 1\r\nline 2")).toBe("line 1\nline 2")
  })
})

describe("pdfFileName", () => {
  it("names the file after the document number", () => {
    expect(pdfFileName({ kind: "invoice", number: "INV-0001" })).toBe("INV-0001.pdf")
    expect(pdfFileName({ kind: "estimate", number: "EST-0042" })).toBe("EST-0042.pdf")
  })

  it("keeps only [A-Za-z0-9._-]", () => {
    expect(pdfFileName({ kind: "invoice", number: "Facture n°7/é" })).toBe("Facture-n-7-e.pdf")
    expect(pdfFileName({ kind: "invoice", number: '../../etc/passwd"; x' })).toBe("etc-passwd-x.pdf")
    expect(pdfFileName({ kind: "invoice", number: "INV 2026/001\r\n" })).toBe("INV-2026-001.pdf")
    expect(pdfFileName({ kind: "estimate", number: "Łódź" })).toMatch(/^[A-Za-z0-9._-]+\.pdf$/)
  })

  it("falls back to the kind when nothing printable is left", () => {
    expect(pdfFileName({ kind: "invoice", number: "///" })).toBe("invoice.pdf")
    expect(pdfFileName({ kind: "estimate", number: "" })).toBe("estimate.pdf")
  })
})

describe("seller block, how to pay and line amounts", () => {
  const seller = { ...branding, business_address: "12 Market Street\r\nSpringfield, IL 62701\n\n", tax_id: "EIN 12-3456789" }

  it("prints the seller's address and tax id under the business name", async () => {
    const { text } = await readPdf(await renderDocumentPdf(invoice(), seller))
    expect(text).toMatch(/Acme Plumbing\s+12 Market Street\s+Springfield, IL 62701\s+Tax ID EIN 12-3456789/)
  })

  it("prints no seller lines when the settings have none", async () => {
    const { text } = await readPdf(await renderDocumentPdf(invoice(), branding))
    expect(text).not.toContain("Tax ID")
  })

  it("prints the payment instructions and the link to pay online under How to pay", async () => {
    const data = invoice({
      payment_instructions: "Bank transfer to Acme Plumbing LLC\nIBAN GB00 1234 5678",
      pay_url: "https://shop.example.com/portal/invoices/inv_1",
    })
    const { text } = await readPdf(await renderDocumentPdf(data, branding))
    expect(text).toMatch(/How to pay\s+Bank transfer to Acme Plumbing LLC\s+IBAN GB00 1234 5678\s+Pay online: https:\/\/shop\.example\.com\/portal\/invoices\/inv_1/)
  })

  it("prints How to pay with the instructions alone (no online payment) and not at all without either", async () => {
    const only = await readPdf(await renderDocumentPdf(invoice({ payment_instructions: "Cheque to Acme" }), branding))
    expect(only.text).toMatch(/How to pay\s+Cheque to Acme/)
    expect(only.text).not.toContain("Pay online")
    const none = await readPdf(await renderDocumentPdf(invoice(), branding))
    expect(none.text).not.toContain("How to pay")
  })

  it("refuses a pay link that is not http(s)", async () => {
    await expect(renderDocumentPdf(invoice({ pay_url: "javascript:alert(1)" }), branding)).rejects.toThrow("pay_url must be an http(s) URL")
  })

  it("labels the line amount as excluding tax", async () => {
    const { text } = await readPdf(await renderDocumentPdf(estimate(), branding))
    expect(text).toContain("Amount (excl. tax)")
  })
})

describe("statusBadgeColors", () => {
  const accent = { fill: "#0f766e", text: "#ffffff" }

  it("gives Paid, Unpaid, Overdue and Void each their own colour", () => {
    const fills = ["paid", "unpaid", "overdue", "void"].map((s) => statusBadgeColors(s, accent).fill)
    expect(new Set(fills).size).toBe(4)
    expect(statusBadgeColors("paid", accent).fill).toBe(statusBadgeColors("accepted", accent).fill)
    expect(statusBadgeColors("overdue", accent).fill).toBe(statusBadgeColors("rejected", accent).fill)
  })

  it("keeps the accent colour for a status it does not know", () => {
    expect(statusBadgeColors("something-new", accent)).toBe(accent)
    expect(statusBadgeColors(undefined, accent)).toBe(accent)
  })
})

describe("invoicePdfData", () => {
  const customer = {
    id: "cus_1",
    email: "jane@example.com",
    first_name: "Jane",
    last_name: "Doe",
    company_name: null,
    phone: null,
    address: { address_1: "1 Main St", address_2: null, city: "Springfield", province: "IL", postal_code: "62701", country_code: "us", phone: null, company: null },
  }
  const detail = (status: string) =>
    ({
      id: "inv_1",
      number: "INV-0001",
      status,
      status_label: status,
      currency_code: "usd",
      issue_date: "2026-01-05",
      due_date: null,
      days_overdue: null,
      subtotal: 100,
      tax_total: 20,
      total: 120,
      amount_paid: 0,
      open_amount: 120,
      paid_at: null,
      notes: null,
      lines: [{ id: "l1", title: "Work", description: null, quantity: 1, unit_price: 100, tax_rate: 20, subtotal: 100, tax_total: 20, total: 120 }],
      payments: [],
    }) as never

  it("prints the customer's address the way their country writes it", () => {
    expect(invoicePdfData(detail("unpaid"), customer as never).customer.address_lines).toEqual(["1 Main St", "Springfield, IL 62701", "United States"])
  })

  it("prints each line's amount before tax, as the portal and the admin do", () => {
    expect(invoicePdfData(detail("unpaid"), customer as never).lines[0].total).toBe(100)
  })

  it("asks for payment while something is due, never on a paid or void invoice", () => {
    expect(["unpaid", "overdue", "draft", "paid", "void"].map((s) => invoicePdfAsksForPayment(invoicePdfData(detail(s), customer as never)))).toEqual([
      true,
      true,
      true,
      false,
      false,
    ])
  })
})
