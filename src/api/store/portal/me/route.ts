import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { loadPortalMe } from "../../../loaders"
import { portalCustomerId } from "../../../utils/portal-auth"
import { requestSettings } from "../../../utils/request-settings"

// Guarded by portalJsonAuth (src/api/portal/middlewares.ts), which accepts a portal session or the
// customer's own login: Medusa's global /store auth would only verify the same token twice.
export const AUTHENTICATE = false

/** Who is signed in to the portal and which sections the business has turned on. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  res.json(await loadPortalMe(req.scope, portalCustomerId(req), { settings: requestSettings(req) }))
}
