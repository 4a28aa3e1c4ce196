import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { loadEstimateList } from "../../../loaders"
import type { PortalEstimatesQueryType } from "../../../portal/validators"
import { portalCustomerId } from "../../../utils/portal-auth"
import { requestT } from "../../../utils/request-locale"

export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  res.json(await loadEstimateList(req.scope, portalCustomerId(req), req.validatedQuery as PortalEstimatesQueryType, await requestT(req)))
}
