import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { serializePortalEstimateDecision, serializePortalEstimateDetail } from "../../../../../lib/serializers"
import { decideEstimateWorkflow } from "../../../../../workflows/estimate"
import type { StoreDecisionType } from "../../../../portal/validators"
import { decisionRequest } from "../../../../utils/decision-request"
import { portalCustomerId } from "../../../../utils/portal-auth"
import { withStateConflicts } from "../../../../utils/state-conflict"
import { requestT } from "../../../../utils/request-locale"

/**
 * Approve / reject for storefronts; the same workflow as the portal page. Answers the estimate
 * and the decision record (null when the same decision was already made).
 */
export async function decideFromStore(req: MedusaRequest, res: MedusaResponse, decision: "accepted" | "rejected") {
  const body = (req.validatedBody ?? {}) as StoreDecisionType
  const { policy, origin } = await decisionRequest(req)
  const { result } = await withStateConflicts(() =>
    decideEstimateWorkflow(req.scope).run({
      input: {
        customer_id: portalCustomerId(req),
        estimate_id: req.params.id,
        decision,
        note: body.note || null,
        signature: { full_name: body.full_name, accept_terms: body.accept_terms },
        policy,
        seen_hash: body.estimate_hash || null,
        origin,
      },
    })
  )
  const { decision_record, ...estimate } = result
  res.json({
    estimate: serializePortalEstimateDetail(estimate, new Date(), await requestT(req)),
    decision: decision_record ? serializePortalEstimateDecision(decision_record) : null,
  })
}
