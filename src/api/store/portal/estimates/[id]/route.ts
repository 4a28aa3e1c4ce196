import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { policyFromSettings } from "../../../../../lib/approval"
import { loadEstimate } from "../../../../loaders"
import { portalCustomerId } from "../../../../utils/portal-auth"
import { requestSettings } from "../../../../utils/request-settings"
import { requestT } from "../../../../utils/request-locale"

// Guarded by portalJsonAuth (src/api/portal/middlewares.ts), which accepts a portal session or the
// customer's own login: Medusa's global /store auth would only verify the same token twice.
export const AUTHENTICATE = false

export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const policy = policyFromSettings(await requestSettings(req))
  res.json(await loadEstimate(req.scope, portalCustomerId(req), { id: req.params.id, viewed_via: "store", policy, t: await requestT(req) }))
}
