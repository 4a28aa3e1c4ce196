import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { serializeAdminEstimateDecision } from "../../../../../lib/serializers"
import { PORTAL_MODULE } from "../../../../../modules/portal"
import type PortalModuleService from "../../../../../modules/portal/service"
import type { AdminEstimateDecisionsResponse, Sendable } from "../../../../../types/http"

/** The customer's signed decisions on an estimate (append-only records), oldest first. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<Sendable<AdminEstimateDecisionsResponse>>) => {
  const portal = req.scope.resolve<PortalModuleService>(PORTAL_MODULE)
  // 404 for an unknown estimate, as the estimate route answers.
  await portal.retrievePortalEstimate(req.params.id, { select: ["id"] })
  const decisions = await portal.listEstimateDecisions(req.params.id)
  res.json({ decisions: decisions.map(serializeAdminEstimateDecision) })
}
