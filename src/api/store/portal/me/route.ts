import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { loadPortalMe } from "../../../loaders"
import { portalCustomerId } from "../../../utils/portal-auth"
import { requestSettings } from "../../../utils/request-settings"

/** Who is signed in to the portal and which sections the business has turned on. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  res.json(await loadPortalMe(req.scope, portalCustomerId(req), { settings: requestSettings(req) }))
}
