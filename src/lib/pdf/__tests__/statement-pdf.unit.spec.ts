import { MedusaError } from "@medusajs/framework/utils"
import type { PdfStatementData, PdfStatementSection } from ".."
import { pdfFileName, renderDocumentPdf } from ".."
import { readPdf } from "./extract-text"

const section = (overrides: Partial<PdfStatementSection> = {}): PdfStatementSection => ({
  currency_code: "eur",
  opening_balance: 70,
  entries: [
    { date: "2026-03-05T12:00:00.000Z", description: "Invoice INV-0002", debit: 0.3, credit: null, balance: 70.3 },
    { date: new Date("2026-03-15T12:00:00.000Z"), description: "Payment for INV-0001 (Cash)", debit: null, credit: 70, balance: 0.3 },
  ],
  total_debits: 0.3,
  total_credits: 70,
  closing_balance: 0.3,
  ageing: {
    buckets: [
      { label: "Current", amount: 0 },
      { label: "1–30 days", amount: 0.3 },
      { label: "31–60 days", amount: 0 },
      { label: "61–90 days", amount: 0 },
      { label: "Over 90 days", amount: 0 },
    ],
    total: 0.3,
  },
  ...overrides,
})

const statement = (overrides: Partial<PdfStatementData> = {}): PdfStatementData => ({
  kind: "statement",
  period: { from: "2026-03-01", to: "2026-03-31" },
  customer: { name: "Jane Doe", email: "jane@example.com" },
  sections: [section()],
  ...overrides,
})

describe("statement PDF", () => {
  it("prints the period, the balance per currency, the entries and the ageing", async () => {
    const text = (await readPdf(await renderDocumentPdf(statement(), { business_name: "Acme Plumbing" }))).text
    expect(text).toContain("Statement of account")
    expect(text).toContain("As of March 31, 2026")
    expect(text).toMatch(/Balance \(EUR\)\s*€0\.30/)
    expect(text).toMatch(/Invoice INV-0002\s*€0\.30\s*€70\.30/)
    expect(text).toMatch(/1–30 days/)
    expect(text).toContain("Jane Doe")
  })

  it("is deterministic and paginates a long period with the header on every page", async () => {
    const many = Array.from({ length: 120 }, (_, i) => ({ date: "2026-03-10", description: `Invoice INV-${i}`, debit: 1, credit: null, balance: i + 1 }))
    const data = statement({ sections: [section({ entries: many }), section({ currency_code: "usd" })] })
    const [a, b] = await Promise.all([renderDocumentPdf(data), renderDocumentPdf(data)])
    expect(a.equals(b)).toBe(true)
    const { text, pages } = await readPdf(a)
    expect(pages).toBeGreaterThan(2)
    // The running heading from page 2 on, and the entries' table header wherever the table goes on.
    expect(text.split("· Statement of account").length - 1).toBe(pages - 1)
    expect(text.split("Payments").length - 1).toBeGreaterThanOrEqual(pages)
    expect(text).toContain("Invoice INV-119")
    expect(text).toContain("Account in USD")
  })

  it("prints a statement with nothing in it", async () => {
    const text = (await readPdf(await renderDocumentPdf(statement({ sections: [] })))).text
    expect(text).toContain("No invoices or payments up to this date.")
  })

  it("refuses invalid data naming the field", async () => {
    await expect(renderDocumentPdf(statement({ period: { from: "March", to: "2026-03-31" } }))).rejects.toThrow(/period\.from must be a date as YYYY-MM-DD/)
    const bad = statement({ sections: [section({ closing_balance: "lots" as never })] })
    await expect(renderDocumentPdf(bad)).rejects.toMatchObject({ type: MedusaError.Types.INVALID_DATA })
  })

  it("is named after its period", () => {
    expect(pdfFileName({ kind: "statement", period: { from: "2026-03-01", to: "2026-03-31" } })).toBe("statement-2026-03-01-to-2026-03-31.pdf")
  })
})
