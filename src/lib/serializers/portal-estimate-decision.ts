/** A decision record as stored (`portal_estimate_decision`). */
type DecisionRecord = {
  id: string
  estimate_id: string
  decision: "accepted" | "rejected"
  signed_name: string | null
  accepted_terms: string | null
  note: string | null
  document_hash: string
  display_number: string | null
  currency_code: string
  total: number
  portal_session_id: string | null
  ip: string | null
  user_agent: string | null
  decided_at: Date | string
}

/** What the customer sees of their own decision: not the address, browser or session. */
export function serializePortalEstimateDecision(record: DecisionRecord) {
  return {
    id: record.id,
    estimate_id: record.estimate_id,
    decision: record.decision,
    signed_name: record.signed_name,
    accepted_terms: record.accepted_terms,
    note: record.note,
    document_hash: record.document_hash,
    decided_at: record.decided_at,
  }
}

/** The owner's view: the whole record. */
export function serializeAdminEstimateDecision(record: DecisionRecord) {
  return {
    ...serializePortalEstimateDecision(record),
    display_number: record.display_number,
    currency_code: record.currency_code,
    total: record.total,
    portal_session_id: record.portal_session_id,
    ip: record.ip,
    user_agent: record.user_agent,
  }
}

export type StoreEstimateDecision = ReturnType<typeof serializePortalEstimateDecision>
export type AdminEstimateDecision = ReturnType<typeof serializeAdminEstimateDecision>
