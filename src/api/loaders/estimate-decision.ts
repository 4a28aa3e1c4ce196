import type { MedusaContainer } from "@medusajs/framework/types"
import { serializePortalEstimateDecision } from "../../lib/serializers"
import { PORTAL_MODULE } from "../../modules/portal"
import type PortalModuleService from "../../modules/portal/service"

/**
 * The record of the decision that stands on a decided estimate (its latest), as the customer may
 * see it; null for an undecided one, without a query. What the PDF prints under "Approval".
 */
export async function loadStandingDecision(scope: MedusaContainer, estimate: { id: string; status: string }) {
  if (estimate.status !== "accepted" && estimate.status !== "rejected") {
    return null
  }
  const records = await scope.resolve<PortalModuleService>(PORTAL_MODULE).listEstimateDecisions(estimate.id)
  const last = records[records.length - 1]
  return last ? serializePortalEstimateDecision(last) : null
}
