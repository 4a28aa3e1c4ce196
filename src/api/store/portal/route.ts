import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { PORTAL_MODULE } from "../../../modules/portal"
import type PortalModuleService from "../../../modules/portal/service"
import { portalCustomerId } from "../../utils/portal-auth"

/** The home figures: open balance per currency, overdue invoices, estimates waiting. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const summary = await req.scope.resolve<PortalModuleService>(PORTAL_MODULE).retrieveCustomerSummary(portalCustomerId(req))
  res.json({ summary })
}
