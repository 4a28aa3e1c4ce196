import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { openAmount } from "../../../lib/money"
import { PORTAL_MODULE } from "../../../modules/portal"
import type PortalModuleService from "../../../modules/portal/service"

export const STRIPE_PROVIDER_ID = "pp_stripe_stripe"

/** Whether the host app registered (and enabled) Medusa's Stripe provider. */
export async function isStripeRegistered(container: MedusaContainer) {
  const [provider] = await container
    .resolve(Modules.PAYMENT)
    .listPaymentProviders({ id: STRIPE_PROVIDER_ID, is_enabled: true }, { take: 1 })
  return Boolean(provider)
}

/**
 * Pay Now is offered only for the customer's own sent invoice with something left to pay, when
 * the owner allows online payments and a Stripe provider is registered.
 */
export const validateInvoicePayableStep = createStep(
  "validate-invoice-payable",
  async ({ customer_id, invoice_id }: { customer_id: string; invoice_id: string }, { container }) => {
    const portal = container.resolve<PortalModuleService>(PORTAL_MODULE)
    const invoice = await portal.retrieveCustomerInvoice(customer_id, invoice_id)
    const settings = await portal.retrieveSettings()
    if (!settings.allow_payments) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Online payment is not offered by this business")
    }
    if (invoice.status !== "sent" || openAmount(invoice.total, invoice.amount_paid).numeric <= 0) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Invoice ${invoice.display_number} has nothing left to pay`)
    }
    if (!(await isStripeRegistered(container))) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Online payment is not set up for this business yet")
    }
    return new StepResponse({ id: invoice.id, display_number: invoice.display_number })
  }
)
