import { MedusaError } from "@medusajs/framework/utils"

/** What the owner asks of an approval (settings `approval_requires_name`, `approval_terms`). */
export type ApprovalPolicy = { requires_name: boolean; terms: string | null }

/** What the customer typed and ticked on the confirmation step. */
export type DecisionSignature = { full_name?: string | null; accept_terms?: boolean | null }

export const policyFromSettings = (settings: { approval_requires_name?: boolean | null; approval_terms?: string | null }): ApprovalPolicy => ({
  requires_name: !!settings.approval_requires_name,
  terms: settings.approval_terms?.trim() || null,
})

/** Which field of the confirmation step a signing refusal is about, and what to tell the customer. */
export type SignatureProblem = { field: "full_name" | "accept_terms"; message: string }

/**
 * The rule for signing a decision: approving needs the typed full name when the owner requires
 * it, and the ticked terms when the owner set terms; a rejection needs neither. Returns the first
 * thing missing, or null (the confirmation page marks that field invalid).
 */
export function signatureProblem(
  decision: "accepted" | "rejected",
  policy: ApprovalPolicy,
  signature: DecisionSignature
): SignatureProblem | null {
  if (decision === "rejected") {
    return null
  }
  const name = normalName(signature.full_name)
  if (policy.requires_name && (!name || name.length < 2)) {
    return { field: "full_name", message: "Type your full name to approve this estimate." }
  }
  if (policy.terms && signature.accept_terms !== true) {
    return { field: "accept_terms", message: "Tick the box to accept the terms, then approve the estimate." }
  }
  return null
}

const normalName = (fullName?: string | null) => fullName?.trim().replace(/\s+/g, " ") || null

/**
 * Signs a decision by `signatureProblem`'s rule (a typed name is still recorded on a rejection).
 * Returns what the record keeps. Throws INVALID_DATA (400) saying what to do.
 */
export function signDecision(decision: "accepted" | "rejected", policy: ApprovalPolicy, signature: DecisionSignature) {
  const problem = signatureProblem(decision, policy, signature)
  if (problem) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, problem.message)
  }
  const name = normalName(signature.full_name)
  return decision === "rejected" ? { signed_name: name, accepted_terms: null } : { signed_name: name, accepted_terms: policy.terms }
}
