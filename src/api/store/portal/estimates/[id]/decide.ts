import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { serializePortalEstimateDetail } from "../../../../../lib/serializers"
import { decideEstimateWorkflow } from "../../../../../workflows/estimate"
import type { PortalDecisionType } from "../../../../portal/validators"
import { portalCustomerId } from "../../../../utils/portal-auth"
import { withStateConflicts } from "../../../../utils/state-conflict"

/** Approve / reject for storefronts; the same workflow as the portal page. */
export async function decideFromStore(req: MedusaRequest, res: MedusaResponse, decision: "accepted" | "rejected") {
  const { note } = (req.validatedBody ?? {}) as PortalDecisionType
  const { result } = await withStateConflicts(() =>
    decideEstimateWorkflow(req.scope).run({
      input: { customer_id: portalCustomerId(req), estimate_id: req.params.id, decision, note: note || null },
    })
  )
  res.json({ estimate: serializePortalEstimateDetail(result) })
}
