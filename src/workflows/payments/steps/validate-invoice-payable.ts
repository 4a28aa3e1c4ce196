import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { NotPayableReason, whyNotPayable } from "../../../lib/payable"
import { PORTAL_MODULE } from "../../../modules/portal"
import type PortalModuleService from "../../../modules/portal/service"
import { isStripeRegistered } from "../utils/stripe-provider"

const REFUSALS: Record<NotPayableReason, (number: string | null) => string> = {
  settled: (number) => `Invoice ${number} has nothing left to pay`,
  payments_off: () => "Online payment is not offered by this business",
  not_set_up: () => "Online payment is not set up for this business yet",
}

/** Pay Now starts only for the customer's own invoice that `whyNotPayable` allows. */
export const validateInvoicePayableStep = createStep(
  "validate-invoice-payable",
  async ({ customer_id, invoice_id }: { customer_id: string; invoice_id: string }, { container }) => {
    const portal = container.resolve<PortalModuleService>(PORTAL_MODULE)
    const invoice = await portal.retrieveCustomerInvoice(customer_id, invoice_id)
    const settings = await portal.retrieveSettings()
    const reason = whyNotPayable(invoice, {
      allow_payments: settings.allow_payments,
      stripe_ready: await isStripeRegistered(container),
    })
    if (reason) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, REFUSALS[reason](invoice.display_number ?? null))
    }
    return new StepResponse({ id: invoice.id, display_number: invoice.display_number })
  }
)
