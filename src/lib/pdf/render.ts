import { resolveBranding } from "../email/branding"
import { drawEstimate } from "./estimate"
import { createPdfFormatter, invalidPdfData } from "./format"
import { drawInvoice } from "./invoice"
import { renderStatementPdf } from "./statement"
import { createLayout, finishLayout } from "./layout"
import { requiredText, sellerLines } from "./sections"
import type { PdfBranding, PdfDocumentData, PdfRenderOptions } from "./types"


/**
 * Renders an invoice or estimate to an A4 PDF. Prints exactly the fields it is given (the
 * serializer decides what the customer may see), fetches nothing, and is deterministic: the
 * same data, branding and options give the same bytes. Invalid data throws INVALID_DATA naming
 * the field, before anything is returned.
 */
export async function renderDocumentPdf(
  data: PdfDocumentData,
  branding?: PdfBranding | null,
  options: PdfRenderOptions = {}
): Promise<Buffer> {
  if (!data || (data.kind !== "invoice" && data.kind !== "estimate" && data.kind !== "statement")) {
    throw invalidPdfData(
      `kind must be "invoice", "estimate" or "statement", got ${JSON.stringify((data as { kind?: unknown } | null)?.kind)}`
    )
  }
  if (data.kind === "statement") {
    return renderStatementPdf(data, branding, options)
  }
  const format = createPdfFormatter(data.currency_code, options)
  const heading = format.t(`pdf.title.${data.kind}`, { number: requiredText("number", data.number) })
  const layout = createLayout(
    resolveBranding(branding),
    heading,
    format.parseDate("issue_date", data.issue_date),
    { lines: sellerLines(branding, format.t) },
    format.t
  )
  if (data.kind === "invoice") {
    drawInvoice(layout, data, format)
  } else {
    drawEstimate(layout, data, format)
  }
  return finishLayout(layout)
}
