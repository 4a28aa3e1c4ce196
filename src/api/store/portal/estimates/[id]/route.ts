import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { serializePortalEstimateDetail } from "../../../../../lib/serializers"
import { PORTAL_MODULE } from "../../../../../modules/portal"
import type PortalModuleService from "../../../../../modules/portal/service"
import { portalCustomerId } from "../../../../utils/portal-auth"

export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const estimate = await req.scope
    .resolve<PortalModuleService>(PORTAL_MODULE)
    .retrieveCustomerEstimate(portalCustomerId(req), req.params.id)
  res.json({ estimate: serializePortalEstimateDetail(estimate) })
}
