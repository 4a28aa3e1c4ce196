import { model } from "@medusajs/framework/utils"

/**
 * The record of a customer's approval or rejection of an estimate: who (typed name), when, through
 * which portal session, from where, and a SHA-256 of the estimate exactly as it was shown.
 *
 * Append-only. The model is deliberately not part of the module service's `MedusaService({...})`,
 * so no generated update / delete / restore method exists; rows are inserted by
 * `PortalSqlRepository.insertEstimateDecision` inside the decision's transaction, and a database
 * trigger (migration Migration20261202071232) refuses UPDATE and DELETE of a row.
 */
const EstimateDecision = model
  .define({ name: "portal_estimate_decision", tableName: "portal_estimate_decision" }, {
    id: model.id({ prefix: "estdec" }).primaryKey(),
    estimate_id: model.text(),
    customer_id: model.text(),
    /** `accepted` or `rejected`. */
    decision: model.enum(["accepted", "rejected"]),
    /** The full name the customer typed to sign; null when the owner does not require one and none was typed. */
    signed_name: model.text().nullable(),
    /** The terms the customer accepted with a checkbox (a copy of the settings text at that time). */
    accepted_terms: model.text().nullable(),
    /** The customer's reason (rejections) or note. */
    note: model.text().nullable(),
    /** SHA-256 (hex) of the estimate as shown: see `lib/estimate-fingerprint.ts`. */
    document_hash: model.text(),
    /** Copies of what was decided on, so the record reads on its own. */
    display_number: model.text().nullable(),
    currency_code: model.text(),
    total: model.bigNumber(),
    /** The portal session (and so the link) the decision came through; null for a storefront's own customer login. */
    portal_session_id: model.text().nullable(),
    /** Client address as the trusted-proxy setting resolves it. */
    ip: model.text().nullable(),
    user_agent: model.text().nullable(),
    decided_at: model.dateTime(),
  })
  .indexes([{ name: "IDX_estimate_decision_estimate_id", on: ["estimate_id"] }])

export default EstimateDecision
