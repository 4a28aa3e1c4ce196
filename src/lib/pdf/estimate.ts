import { drawDecision } from "./decision-section"
import type { PdfFormatter } from "./format"
import type { Layout } from "./layout"
import { drawHeader, drawParties, drawTotals } from "./layout"
import { customerBlock, drawLineItems, drawNotes, statusLabel } from "./sections"
import type { PdfEstimateData } from "./types"

/** Estimate: the proposed work and its price; nothing is owed, so no payment rows. */
export function drawEstimate(layout: Layout, data: PdfEstimateData, format: PdfFormatter) {
  const total = format.money("total", data.total)

  const { t } = format
  drawHeader(layout, { title: layout.heading, status: statusLabel("estimate", data.status, data.status_label, t), tone: data.status })
  const facts: [string, string][] = [[t("pdf.issue_date"), format.date("issue_date", data.issue_date)]]
  if (data.valid_until) {
    facts.push([t("pdf.valid_until"), format.date("valid_until", data.valid_until)])
  }
  facts.push([t("pdf.total"), total])
  drawParties(layout, customerBlock(t("pdf.prepared_for"), data.customer), facts)

  drawLineItems(layout, data.lines, format)
  drawTotals(layout, [
    { label: t("pdf.subtotal"), value: format.money("subtotal", data.subtotal) },
    { label: t("pdf.tax"), value: format.money("tax_total", data.tax_total) },
    { label: t("pdf.total"), value: total, strong: true, ruleAbove: true },
  ])
  drawNotes(layout, data.notes)
  drawDecision(layout, data.decision, format)
}
