import { MedusaError } from "@medusajs/framework/utils"

/** What the owner asks of an approval (settings `approval_requires_name`, `approval_terms`). */
export type ApprovalPolicy = { requires_name: boolean; terms: string | null }

/** What the customer typed and ticked on the confirmation step. */
export type DecisionSignature = { full_name?: string | null; accept_terms?: boolean | null }

export const policyFromSettings = (settings: { approval_requires_name?: boolean | null; approval_terms?: string | null }): ApprovalPolicy => ({
  requires_name: !!settings.approval_requires_name,
  terms: settings.approval_terms?.trim() || null,
})

/**
 * The rule for signing a decision: approving needs the typed full name when the owner requires
 * it, and the ticked terms when the owner set terms; a rejection needs neither (a typed name is
 * still recorded). Returns what the record keeps. Throws INVALID_DATA (400) saying what to do.
 */
export function signDecision(decision: "accepted" | "rejected", policy: ApprovalPolicy, signature: DecisionSignature) {
  const name = signature.full_name?.trim().replace(/\s+/g, " ") || null
  if (decision === "rejected") {
    return { signed_name: name, accepted_terms: null }
  }
  if (policy.requires_name && (!name || name.length < 2)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "Type your full name to approve this estimate.")
  }
  if (policy.terms && signature.accept_terms !== true) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "Tick the box to accept the terms, then approve the estimate.")
  }
  return { signed_name: name, accepted_terms: policy.terms }
}
