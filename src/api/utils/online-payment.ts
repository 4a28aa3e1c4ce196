import type { MedusaRequest } from "@medusajs/framework/http"
import { PORTAL_MODULE } from "../../modules/portal"
import type PortalModuleService from "../../modules/portal/service"
import { isStripeRegistered } from "../../workflows/payments/steps/validate-invoice-payable"

/** Whether "Pay Now" can be offered for an invoice, and if not, why (shown to the customer). */
export async function onlinePayment(req: MedusaRequest, invoice: { open_amount: number; status: string }) {
  const portal = req.scope.resolve<PortalModuleService>(PORTAL_MODULE)
  if (invoice.status === "paid" || invoice.open_amount <= 0) {
    return { available: false, reason: null }
  }
  if (!(await portal.retrieveSettings()).allow_payments) {
    return { available: false, reason: "Online payment is not offered for this invoice. Please pay as agreed with the business." }
  }
  if (!portal.getStripePublishableKey() || !(await isStripeRegistered(req.scope))) {
    return { available: false, reason: "Online payment is not set up yet. Please pay as agreed with the business." }
  }
  return { available: true, reason: null }
}
