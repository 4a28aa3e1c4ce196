import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { loadPortalSummary } from "../../loaders"
import { portalCustomerId } from "../../utils/portal-auth"

/** The home figures: open balance per currency, overdue invoices, estimates waiting. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  res.json(await loadPortalSummary(req.scope, portalCustomerId(req)))
}
