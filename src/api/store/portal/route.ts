import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { loadPortalSummary } from "../../loaders"
import { portalCustomerId } from "../../utils/portal-auth"

// Guarded by portalJsonAuth (src/api/portal/middlewares.ts), which accepts a portal session or the
// customer's own login: Medusa's global /store auth would only verify the same token twice.
export const AUTHENTICATE = false

/** The home figures: open balance per currency, overdue invoices, estimates waiting. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  res.json(await loadPortalSummary(req.scope, portalCustomerId(req)))
}
