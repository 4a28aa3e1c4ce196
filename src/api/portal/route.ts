import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { PORTAL_MODULE } from "../../modules/portal"
import type PortalModuleService from "../../modules/portal/service"
import { portalCustomerId } from "../utils/portal-auth"
import { sendPortalPage } from "../utils/portal-pages"

/** The portal's home: open balance, overdue invoices, estimates waiting, and the sections. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const customerId = portalCustomerId(req)
  const portal = req.scope.resolve<PortalModuleService>(PORTAL_MODULE)
  const customer = await req.scope.resolve(Modules.CUSTOMER).retrieveCustomer(customerId, {
    select: ["id", "first_name", "last_name"],
  })
  const settings = await portal.retrieveSettings()
  await sendPortalPage(req, res, 200, "home.html.njk", {
    title: "Your portal",
    customer,
    summary: await portal.retrieveCustomerSummary(customerId),
    sections: { invoices: settings.allow_invoices, estimates: settings.allow_estimates },
  })
}
