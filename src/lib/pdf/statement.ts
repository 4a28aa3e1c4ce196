import { resolveBranding } from "../email/branding"
import { createPdfFormatter, invalidPdfData, PdfFormatter } from "./format"
import type { Layout, TableCell } from "./layout"
import { createLayout, drawHeader, drawParties, drawSectionHeading, drawTable, drawTotals, finishLayout } from "./layout"
import { customerBlock, requiredText, sellerLines } from "./sections"
import type { PdfBranding, PdfRenderOptions, PdfStatementData, PdfStatementSection } from "./types"

const DAY = /^\d{4}-\d{2}-\d{2}$/

function periodDay(field: string, value: unknown): string {
  if (typeof value !== "string" || !DAY.test(value)) {
    throw invalidPdfData(`${field} must be a date as YYYY-MM-DD, got ${JSON.stringify(value)}`)
  }
  return value
}

/** One currency: the entries from the opening to the closing balance, the totals, then the ageing. */
function drawSection(layout: Layout, section: PdfStatementSection, index: number, format: PdfFormatter, from: string) {
  const field = `sections[${index}]`
  if (!Array.isArray(section.entries)) {
    throw invalidPdfData(`${field}.entries must be an array`)
  }
  const cur = String(section.currency_code).toUpperCase()
  const t = format.t
  drawSectionHeading(layout, t("pdf.statement.account_in", { currency: cur }), 80)
  const rows: TableCell[][] = [
    [format.date("period.from", from), { title: t("pdf.statement.opening") }, "", "", format.money(`${field}.opening_balance`, section.opening_balance)],
    ...section.entries.map((entry, i): TableCell[] => {
      const f = `${field}.entries[${i}]`
      format.parseDate(`${f}.date`, entry.date)
      return [
        format.date(`${f}.date`, entry.date),
        requiredText(`${f}.description`, entry.description),
        entry.debit == null ? "" : format.money(`${f}.debit`, entry.debit),
        entry.credit == null ? "" : format.money(`${f}.credit`, entry.credit),
        format.money(`${f}.balance`, entry.balance),
      ]
    }),
  ]
  drawTable(
    layout,
    [
      { header: t("pdf.date"), width: 90 },
      { header: t("pdf.description"), width: layout.width - 90 - 3 * 75 },
      { header: t("pdf.statement.charges"), width: 75, align: "right", fit: true },
      { header: t("pdf.statement.payments"), width: 75, align: "right", fit: true },
      { header: t("pdf.statement.balance"), width: 75, align: "right", fit: true },
    ],
    rows
  )
  drawTotals(layout, [
    { label: t("pdf.statement.opening"), value: format.money(`${field}.opening_balance`, section.opening_balance) },
    { label: t("pdf.statement.debits"), value: format.money(`${field}.total_debits`, section.total_debits) },
    { label: t("pdf.statement.payments"), value: format.money(`${field}.total_credits`, section.total_credits) },
    { label: t("pdf.statement.closing"), value: format.money(`${field}.closing_balance`, section.closing_balance), strong: true, ruleAbove: true },
  ])

  const buckets = section.ageing?.buckets
  if (!Array.isArray(buckets)) {
    throw invalidPdfData(`${field}.ageing.buckets must be an array`)
  }
  drawSectionHeading(layout, t("pdf.statement.ageing_in", { currency: cur }))
  const width = layout.width / (buckets.length + 1)
  drawTable(
    layout,
    [...buckets.map((b, i) => ({ header: requiredText(`${field}.ageing.buckets[${i}].label`, b.label), width, align: "right" as const, fit: true })), { header: t("pdf.statement.total_open"), width, align: "right" as const, fit: true }],
    [[...buckets.map((b, i) => format.money(`${field}.ageing.buckets[${i}].amount`, b.amount)), format.money(`${field}.ageing.total`, section.ageing.total)]]
  )
}

/**
 * A statement of account as an A4 PDF: who it is for and the period, then per currency the
 * entries with their running balance, the totals and the ageing at the period's end. Prints the
 * figures it is given (lib/statement.ts computed them), never recomputes them.
 */
export async function renderStatementPdf(data: PdfStatementData, branding?: PdfBranding | null, options: PdfRenderOptions = {}) {
  const from = periodDay("period.from", data.period?.from)
  const to = periodDay("period.to", data.period?.to)
  if (!Array.isArray(data.sections)) {
    throw invalidPdfData("sections must be an array")
  }
  const formats = data.sections.map((s) => createPdfFormatter(s?.currency_code, options))
  // Dates print through any section's formatter (the same locale and zone); a statement with no
  // section still has a period to print.
  const dates = formats[0] ?? createPdfFormatter("usd", options)
  const asOf = dates.parseDate("period.to", to)
  const t = dates.t
  const title = t("pdf.statement.title")
  const layout = createLayout(resolveBranding(branding), title, asOf, { lines: sellerLines(branding) }, t)
  drawHeader(layout, { title, status: t("pdf.statement.as_of", { date: dates.date("period.to", to) }) })
  const facts: [string, string][] = [
    [t("pdf.statement.from"), dates.date("period.from", from)],
    [t("pdf.statement.to"), dates.date("period.to", to)],
    ...data.sections.map((s, i): [string, string] => [
      t("pdf.statement.balance_in", { currency: String(s.currency_code).toUpperCase() }),
      formats[i].money(`sections[${i}].closing_balance`, s.closing_balance),
    ]),
  ]
  drawParties(layout, customerBlock(t("pdf.statement.for"), data.customer), facts)
  if (!data.sections.length) {
    drawSectionHeading(layout, t("pdf.statement.none"), 0)
  }
  data.sections.forEach((section, i) => drawSection(layout, section, i, formats[i], from))
  return finishLayout(layout)
}
