import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { chosenPaymentAmount, partialPaymentPolicy, paymentChoices } from "../../../lib/partial-payment"
import { PORTAL_MODULE } from "../../../modules/portal"
import type PortalModuleService from "../../../modules/portal/service"

/**
 * The amount this payment session asks for: the customer's choice (a part payment, when the
 * invoice allows it) checked by `chosenPaymentAmount` against what is due now, or the whole
 * amount due when they chose nothing. Read under the invoice's payment lock, so an offline
 * payment cannot change the amount due between this check and the session.
 */
export const chooseInvoicePaymentAmountStep = createStep(
  "choose-invoice-payment-amount",
  async (input: { customer_id: string; invoice_id: string; amount?: unknown }, { container }) => {
    const portal = container.resolve<PortalModuleService>(PORTAL_MODULE)
    const [invoice, settings] = await Promise.all([
      portal.retrieveCustomerInvoice(input.customer_id, input.invoice_id),
      portal.retrieveSettings(),
    ])
    const choices = paymentChoices(invoice as never, partialPaymentPolicy(invoice as never, settings as never))
    const amount = chosenPaymentAmount(choices, input.amount)
    return new StepResponse({ amount: amount.numeric, partial: amount.numeric < choices.amount_due })
  }
)
