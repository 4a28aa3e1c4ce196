import type { MedusaRequest } from "@medusajs/framework/http"
import type { BigNumberInput } from "@medusajs/framework/types"
import { NotPayableReason, whyNotPayable } from "../../lib/payable"
import { PORTAL_MODULE } from "../../modules/portal"
import type PortalModuleService from "../../modules/portal/service"
import { requestSettings } from "./request-settings"
import { isStripeRegistered } from "../../workflows/payments/utils/stripe-provider"
import { requestT } from "./request-locale"

/** What the customer is told when Pay Now is not offered (nothing when there is nothing to pay). */
const REASONS: Record<NotPayableReason, string | null> = {
  settled: null,
  payments_off: "msg.not_payable.payments_off",
  not_set_up: "msg.not_payable.not_set_up",
}

/**
 * Whether the portal's pay page can offer "Pay Now" for an invoice, and if not, why. The page
 * also needs the Stripe publishable key (storefronts use their own).
 */
export async function onlinePayment(
  req: MedusaRequest,
  invoice: { status: string; total: BigNumberInput; amount_paid: BigNumberInput }
) {
  // A customer sees sent and paid invoices only; "unpaid" and "overdue" are a sent one.
  const stored = { ...invoice, status: invoice.status === "paid" ? "paid" : "sent" }
  const reason = whyNotPayable(stored, await paymentReadiness(req))
  const key = reason ? REASONS[reason] : null
  return { available: reason === null, reason: key ? (await requestT(req))(key) : null }
}

/**
 * Whether the portal takes card payments now, by the same rule as Pay Now (for something still to
 * pay): what decides whether a page offers "Pay the selected invoices", the home page's one
 * payment for several invoices, or "Pay deposit" — a button that can only be refused is a dead end.
 */
export async function onlinePaymentOffered(req: MedusaRequest) {
  const settings = await requestSettings(req)
  if (!settings.allow_payments) {
    return false // no need to ask the Payment Module
  }
  return whyNotPayable({ status: "sent", total: 1, amount_paid: 0 }, await paymentReadiness(req)) === null
}

async function paymentReadiness(req: MedusaRequest) {
  const portal = req.scope.resolve<PortalModuleService>(PORTAL_MODULE)
  return {
    allow_payments: (await requestSettings(req)).allow_payments,
    stripe_ready: Boolean(portal.getStripePublishableKey()) && (await isStripeRegistered(req.scope)),
  }
}
