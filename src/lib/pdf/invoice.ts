import type { PdfFormatter } from "./format"
import { invalidPdfData } from "./format"
import { openAmountDecimal } from "./on-demand"
import type { Layout, TotalsRow } from "./layout"
import { drawHeader, drawParties, drawSectionHeading, drawTable, drawTextSection, drawTotals } from "./layout"
import { customerBlock, drawLineItems, drawNotes, optionalText, requiredText, statusLabel } from "./sections"
import type { PdfInvoiceData, PdfPayment } from "./types"

function drawPayments(layout: Layout, payments: PdfPayment[], format: PdfFormatter) {
  const rows = payments.map((payment, i) => {
    if (!payment || typeof payment !== "object") {
      throw invalidPdfData(`payments[${i}] must be an object`)
    }
    format.parseDate(`payments[${i}].paid_at`, payment.paid_at) // required, unlike the optional document dates
    return [
      format.date(`payments[${i}].paid_at`, payment.paid_at),
      requiredText(`payments[${i}].method_label`, payment.method_label),
      format.money(`payments[${i}].amount`, payment.amount),
    ]
  })
  drawSectionHeading(layout, format.t("pdf.payments"))
  drawTable(
    layout,
    [
      { header: format.t("pdf.date"), width: 160 },
      { header: format.t("pdf.method"), width: layout.width - 280 },
      { header: format.t("pdf.amount"), width: 120, align: "right", fit: true },
    ],
    rows
  )
}

/** The owner's payment instructions and the online payment link, when the caller passed them. */
function drawHowToPay(layout: Layout, data: PdfInvoiceData, format: PdfFormatter) {
  const instructions = optionalText("payment_instructions", data.payment_instructions)
  const payUrl = optionalText("pay_url", data.pay_url)
  if (payUrl && !/^https?:\/\//.test(payUrl)) {
    throw invalidPdfData("pay_url must be an http(s) URL")
  }
  if (instructions || payUrl) {
    drawTextSection(layout, format.t("pdf.how_to_pay"), instructions, payUrl ? { label: format.t("pdf.pay_online"), url: payUrl } : undefined)
  }
}

/** Invoice: what is owed, what was paid, and how much is still due. */
export function drawInvoice(layout: Layout, data: PdfInvoiceData, format: PdfFormatter) {
  const total = format.money("total", data.total)
  const paid = data.amount_paid ?? 0
  // The caller's open amount wins; otherwise what a paper invoice would say: total − paid, never below 0.
  const due = data.open_amount ?? openAmountDecimal(format.decimal("total", data.total), format.decimal("amount_paid", paid))
  const amountDue = format.money("open_amount", due)

  const { t } = format
  drawHeader(layout, { title: layout.heading, status: statusLabel("invoice", data.status, data.status_label, t), tone: data.status })
  const facts: [string, string][] = [[t("pdf.issue_date"), format.date("issue_date", data.issue_date)]]
  if (data.due_date) {
    facts.push([t("pdf.due_date"), format.date("due_date", data.due_date)])
  }
  facts.push([t("pdf.amount_due"), amountDue])
  drawParties(layout, customerBlock(t("pdf.bill_to"), data.customer), facts)

  drawLineItems(layout, data.lines, format)
  const totals: TotalsRow[] = [
    { label: t("pdf.subtotal"), value: format.money("subtotal", data.subtotal) },
    { label: t("pdf.tax"), value: format.money("tax_total", data.tax_total) },
    { label: t("pdf.total"), value: total, strong: true, ruleAbove: true },
    { label: t("pdf.amount_paid"), value: format.money("amount_paid", paid) },
    { label: t("pdf.amount_due"), value: amountDue, strong: true, ruleAbove: true },
  ]
  drawTotals(layout, totals)
  drawHowToPay(layout, data, format)
  drawNotes(layout, data.notes)

  if (data.payments != null && !Array.isArray(data.payments)) {
    throw invalidPdfData("payments must be an array")
  }
  if (data.payments?.length) {
    drawPayments(layout, data.payments, format)
  }
}
