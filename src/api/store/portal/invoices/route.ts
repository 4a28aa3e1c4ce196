import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { loadInvoiceList } from "../../../loaders"
import type { PortalInvoicesQueryType } from "../../../portal/validators"
import { portalCustomerId } from "../../../utils/portal-auth"
import { requestT } from "../../../utils/request-locale"

// Guarded by portalJsonAuth (src/api/portal/middlewares.ts), which accepts a portal session or the
// customer's own login: Medusa's global /store auth would only verify the same token twice.
export const AUTHENTICATE = false

export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  res.json(await loadInvoiceList(req.scope, portalCustomerId(req), req.validatedQuery as PortalInvoicesQueryType, await requestT(req)))
}
