import { drawDecision } from "./decision-section"
import type { PdfFormatter } from "./format"
import type { Layout } from "./layout"
import { drawHeader, drawParties, drawTotals } from "./layout"
import { customerBlock, drawLineItems, drawNotes, requiredText } from "./sections"
import type { PdfEstimateData } from "./types"

/** Estimate: the proposed work and its price; nothing is owed, so no payment rows. */
export function drawEstimate(layout: Layout, data: PdfEstimateData, format: PdfFormatter) {
  const total = format.money("total", data.total)

  drawHeader(layout, { title: layout.heading, status: requiredText("status_label", data.status_label), tone: data.status })
  const facts: [string, string][] = [["Issue date", format.date("issue_date", data.issue_date)]]
  if (data.valid_until) {
    facts.push(["Valid until", format.date("valid_until", data.valid_until)])
  }
  facts.push(["Total", total])
  drawParties(layout, customerBlock("Prepared for", data.customer), facts)

  drawLineItems(layout, data.lines, format)
  drawTotals(layout, [
    { label: "Subtotal", value: format.money("subtotal", data.subtotal) },
    { label: "Tax", value: format.money("tax_total", data.tax_total) },
    { label: "Total", value: total, strong: true, ruleAbove: true },
  ])
  drawNotes(layout, data.notes)
  drawDecision(layout, data.decision, format)
}
