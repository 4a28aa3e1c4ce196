import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { PORTAL_MODULE } from "../../../../modules/portal"
import type PortalModuleService from "../../../../modules/portal/service"
import { portalCustomerId } from "../../../utils/portal-auth"

/** Who is signed in to the portal and which sections the business has turned on. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const customer = await req.scope.resolve(Modules.CUSTOMER).retrieveCustomer(portalCustomerId(req), {
    select: ["id", "email", "first_name", "last_name", "company_name", "phone"],
  })
  const settings = await req.scope.resolve<PortalModuleService>(PORTAL_MODULE).retrieveSettings()
  res.json({
    customer,
    portal: {
      business_name: settings.business_name,
      sections: {
        invoices: settings.allow_invoices,
        estimates: settings.allow_estimates,
        payments: settings.allow_payments,
        profile: settings.allow_profile_updates,
        service_history: settings.allow_service_history,
      },
    },
  })
}
