import type { PdfFormatter } from "./format"
import { invalidPdfData } from "./format"
import { openAmountDecimal } from "./on-demand"
import type { Layout, TotalsRow } from "./layout"
import { drawHeader, drawParties, drawSectionHeading, drawTable, drawTextSection, drawTotals } from "./layout"
import { customerBlock, drawLineItems, drawNotes, optionalText, requiredText } from "./sections"
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
  drawSectionHeading(layout, "Payments")
  drawTable(
    layout,
    [
      { header: "Date", width: 160 },
      { header: "Method", width: layout.width - 280 },
      { header: "Amount", width: 120, align: "right", fit: true },
    ],
    rows
  )
}

/** The owner's payment instructions and the online payment link, when the caller passed them. */
function drawHowToPay(layout: Layout, data: PdfInvoiceData) {
  const instructions = optionalText("payment_instructions", data.payment_instructions)
  const payUrl = optionalText("pay_url", data.pay_url)
  if (payUrl && !/^https?:\/\//.test(payUrl)) {
    throw invalidPdfData("pay_url must be an http(s) URL")
  }
  if (instructions || payUrl) {
    drawTextSection(layout, "How to pay", instructions, payUrl ? { label: "Pay online:", url: payUrl } : undefined)
  }
}

/** Invoice: what is owed, what was paid, and how much is still due. */
export function drawInvoice(layout: Layout, data: PdfInvoiceData, format: PdfFormatter) {
  const total = format.money("total", data.total)
  const paid = data.amount_paid ?? 0
  // The caller's open amount wins; otherwise what a paper invoice would say: total − paid, never below 0.
  const due = data.open_amount ?? openAmountDecimal(format.decimal("total", data.total), format.decimal("amount_paid", paid))
  const amountDue = format.money("open_amount", due)

  drawHeader(layout, { title: layout.heading, status: requiredText("status_label", data.status_label), tone: data.status })
  const facts: [string, string][] = [["Issue date", format.date("issue_date", data.issue_date)]]
  if (data.due_date) {
    facts.push(["Due date", format.date("due_date", data.due_date)])
  }
  facts.push(["Amount due", amountDue])
  drawParties(layout, customerBlock("Bill to", data.customer), facts)

  drawLineItems(layout, data.lines, format)
  const totals: TotalsRow[] = [
    { label: "Subtotal", value: format.money("subtotal", data.subtotal) },
    { label: "Tax", value: format.money("tax_total", data.tax_total) },
    { label: "Total", value: total, strong: true, ruleAbove: true },
    { label: "Amount paid", value: format.money("amount_paid", paid) },
    { label: "Amount due", value: amountDue, strong: true, ruleAbove: true },
  ]
  drawTotals(layout, totals)
  drawHowToPay(layout, data)
  drawNotes(layout, data.notes)

  if (data.payments != null && !Array.isArray(data.payments)) {
    throw invalidPdfData("payments must be an array")
  }
  if (data.payments?.length) {
    drawPayments(layout, data.payments, format)
  }
}
