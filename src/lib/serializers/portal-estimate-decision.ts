import type { EstimateDecisionRow } from "../../modules/portal/repositories/portal-sql"

/** A decision record as the module hands it out; `decided_at` may also arrive as JSON text. */
type DecisionRecord = Omit<EstimateDecisionRow, "customer_id" | "decided_at"> & { decided_at: Date | string }

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
