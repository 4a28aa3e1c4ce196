import type { PdfFormatter } from "./format"
import type { Layout } from "./layout"
import { drawTextSection } from "./layout"
import { optionalText } from "./sections"
import type { PdfDate } from "./types"

/** The customer's signed decision on an estimate, as the PDF prints it. */
export type PdfEstimateDecision = {
  decision: "accepted" | "rejected"
  /** The full name the customer typed; null when none was asked for or typed. */
  signed_name?: string | null
  decided_at: PdfDate
  /** SHA-256 of the estimate as the customer was shown it. */
  document_hash: string
  /** A rejection's reason. */
  note?: string | null
}

/**
 * "Approved by Ana Díaz on 2 Dec 2026" with the document fingerprint, so the printed estimate
 * carries its record; nothing is printed for an undecided estimate.
 */
export function drawDecision(layout: Layout, decision: PdfEstimateDecision | null | undefined, format: PdfFormatter) {
  if (!decision) {
    return
  }
  const { t } = format
  const who = optionalText("decision.signed_name", decision.signed_name) || t("pdf.the_customer")
  const when = format.date("decision.decided_at", decision.decided_at)
  const hash = optionalText("decision.document_hash", decision.document_hash)
  const reason = optionalText("decision.note", decision.note)
  const lines =
    decision.decision === "accepted"
      ? [t("pdf.approved_by", { who, when })]
      : [t("pdf.rejected_by", { who, when }), ...(reason ? [t("pdf.reason", { reason })] : [])]
  lines.push(t("pdf.document_hash", { hash }))
  drawTextSection(layout, decision.decision === "accepted" ? t("pdf.approval") : t("pdf.decision"), lines.join("\n"))
}
