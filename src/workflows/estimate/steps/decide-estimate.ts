import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ApprovalPolicy, DecisionSignature, policyFromSettings } from "../../../lib/approval"
import { PORTAL_MODULE } from "../../../modules/portal"
import type PortalModuleService from "../../../modules/portal/service"

export type DecideEstimateStepInput = {
  customer_id: string
  estimate_id: string
  decision: "accepted" | "rejected"
  note?: string | null
  /** The typed full name and the ticked terms of the confirmation step. */
  signature?: DecisionSignature
  /** The owner's approval settings; read from the settings when left out. */
  policy?: ApprovalPolicy
  /** Fingerprint of the estimate as the customer was shown it (`document_hash`). */
  seen_hash?: string | null
  /** Session, address and browser the decision came through, for the record. */
  origin?: { portal_session_id?: string | null; ip?: string | null; user_agent?: string | null }
}

/**
 * sent → accepted | rejected with its decision record, under a row lock, in one transaction;
 * compensation removes the record and puts the estimate back.
 */
export const decideEstimateStep = createStep(
  "decide-estimate",
  async (input: DecideEstimateStepInput, { container }) => {
    const portal = container.resolve<PortalModuleService>(PORTAL_MODULE)
    const policy = input.policy ?? policyFromSettings(await portal.retrieveSettings())
    const result = await portal.decideEstimate(input.customer_id, input.estimate_id, {
      decision: input.decision,
      note: input.note,
      signature: input.signature,
      policy,
      seen_hash: input.seen_hash,
      origin: input.origin,
    })
    return new StepResponse(result, result.changed ? { record_id: result.record.id, previous: result.previous } : undefined)
  },
  async (undo, { container }) => {
    if (undo) {
      await container.resolve<PortalModuleService>(PORTAL_MODULE).revertEstimateDecision(undo.record_id, undo.previous)
    }
  }
)
