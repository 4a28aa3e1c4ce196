import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { loadStatement } from "../../../loaders"
import type { PortalStatementQueryType } from "../../../portal/validators"
import { portalCustomerId } from "../../../utils/portal-auth"
import { requestT } from "../../../utils/request-locale"

// Guarded by portalJsonAuth (src/api/portal/middlewares.ts), which accepts a portal session or the
// customer's own login: Medusa's global /store auth would only verify the same token twice.
export const AUTHENTICATE = false

/** The signed-in customer's statement of account for `?from=&to=` (YYYY-MM-DD; the last 90 days by default). */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  res.json(await loadStatement(req.scope, portalCustomerId(req), req.validatedQuery as PortalStatementQueryType, await requestT(req)))
}
