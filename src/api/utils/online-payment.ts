import type { MedusaRequest } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { PORTAL_MODULE } from "../../modules/portal"
import type PortalModuleService from "../../modules/portal/service"
import { STRIPE_PROVIDER_ID } from "../../workflows/payments/steps/validate-invoice-payable"

/** Whether "Pay Now" can be offered for an invoice, and if not, why (shown to the customer). */
export async function onlinePayment(req: MedusaRequest, invoice: { open_amount: number; status: string }) {
  const portal = req.scope.resolve<PortalModuleService>(PORTAL_MODULE)
  if (invoice.status === "paid" || invoice.open_amount <= 0) {
    return { available: false, reason: null }
  }
  if (!(await portal.retrieveSettings()).allow_payments) {
    return { available: false, reason: "Online payment is not offered for this invoice. Please pay as agreed with the business." }
  }
  const [provider] = await req.scope
    .resolve(Modules.PAYMENT)
    .listPaymentProviders({ id: STRIPE_PROVIDER_ID, is_enabled: true }, { take: 1 })
  if (!provider || !portal.getStripePublishableKey()) {
    return { available: false, reason: "Online payment is not set up yet. Please pay as agreed with the business." }
  }
  return { available: true, reason: null }
}
