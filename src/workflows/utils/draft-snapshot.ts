import { linesAsInput } from "../../lib/document-input"

type DraftLike = {
  customer_id: string
  currency_code: string
  issue_date: Date
  notes: string | null
  internal_note: string | null
  metadata: Record<string, unknown> | null
  lines: Parameters<typeof linesAsInput>[0]
}

/** The editable part of a draft, in the shape the update methods take: for compensation. */
export function draftSnapshot(doc: DraftLike) {
  return {
    customer_id: doc.customer_id,
    currency_code: doc.currency_code,
    issue_date: doc.issue_date,
    notes: doc.notes,
    internal_note: doc.internal_note,
    metadata: doc.metadata,
    lines: linesAsInput(doc.lines),
  }
}
