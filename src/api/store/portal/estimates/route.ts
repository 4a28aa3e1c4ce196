import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { serializePortalEstimate } from "../../../../lib/serializers"
import { PORTAL_MODULE } from "../../../../modules/portal"
import type PortalModuleService from "../../../../modules/portal/service"
import type { PortalEstimatesQueryType } from "../../../portal/validators"
import { portalCustomerId } from "../../../utils/portal-auth"

export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const query = req.validatedQuery as PortalEstimatesQueryType
  const [estimates, count] = await req.scope
    .resolve<PortalModuleService>(PORTAL_MODULE)
    .listCustomerEstimates(portalCustomerId(req), query)
  const now = new Date()
  res.json({ estimates: estimates.map((e) => serializePortalEstimate(e, now)), count, offset: query.offset, limit: query.limit })
}
