import { MathBN, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { depositDue } from "../../../lib/deposit"
import { PORTAL_MODULE } from "../../../modules/portal"
import type PortalModuleService from "../../../modules/portal/service"
import { isStripeRegistered } from "../../payments/utils/stripe-provider"

/**
 * "Pay deposit" starts only for the customer's own approved, unconverted estimate with a deposit
 * still due, when the owner takes online payments and Stripe is set up. Another customer's
 * estimate is "not found", like a missing one.
 */
export const validateDepositPayableStep = createStep(
  "validate-deposit-payable",
  async ({ customer_id, estimate_id }: { customer_id: string; estimate_id: string }, { container }) => {
    const portal = container.resolve<PortalModuleService>(PORTAL_MODULE)
    const [estimate, settings] = await Promise.all([
      portal.retrieveCustomerEstimate(customer_id, estimate_id),
      portal.retrieveSettings(),
    ])
    const number = estimate.display_number ?? estimate.id
    if (!MathBN.gt(depositDue(estimate), 0)) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Estimate ${number} has no deposit to pay`)
    }
    if (!settings.allow_payments) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Online payment is not offered by this business")
    }
    if (!(await isStripeRegistered(container))) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Online payment is not set up for this business yet")
    }
    return new StepResponse({ id: estimate.id, display_number: estimate.display_number })
  }
)
