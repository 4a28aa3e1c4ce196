import type { MedusaRequest } from "@medusajs/framework/http"
import { PORTAL_MODULE } from "../../modules/portal"
import type PortalModuleService from "../../modules/portal/service"

/**
 * Whether "Pay Now" can be offered for an invoice, and if not, why (shown to the customer).
 * Online payment itself is wired by the payments feature; until a Stripe provider is
 * registered this says so instead of showing a button that cannot work.
 */
export async function onlinePayment(req: MedusaRequest, invoice: { open_amount: number; status: string }) {
  const settings = await req.scope.resolve<PortalModuleService>(PORTAL_MODULE).retrieveSettings()
  if (invoice.status === "paid" || invoice.open_amount <= 0) {
    return { available: false, reason: null }
  }
  if (!settings.allow_payments) {
    return { available: false, reason: "Online payment is not offered for this invoice. Please pay as agreed with the business." }
  }
  return { available: false, reason: "Online payment is not set up yet. Please pay as agreed with the business." }
}
