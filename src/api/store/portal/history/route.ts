import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { loadServiceHistory } from "../../../loaders"
import { portalCustomerId } from "../../../utils/portal-auth"
import { requestT } from "../../../utils/request-locale"

// Guarded by portalJsonAuth (src/api/portal/middlewares.ts), which accepts a portal session or the
// customer's own login: Medusa's global /store auth would only verify the same token twice.
export const AUTHENTICATE = false

/** Entries name their record by `kind` and `id`: a storefront links its own pages, never the portal's. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  res.json(await loadServiceHistory(req.scope, portalCustomerId(req), await requestT(req)))
}
