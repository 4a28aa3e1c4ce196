import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PORTAL_MODULE } from "../../../modules/portal"
import type PortalModuleService from "../../../modules/portal/service"
import type { CapturedDepositPayment } from "./find-captured-deposit-payment"

/**
 * Records a captured deposit payment on its estimate, once and up to what is due of the deposit
 * (`recordEstimateDeposit`). Compensation puts the estimate's deposit back as it was.
 */
export const recordEstimateDepositStep = createStep(
  "record-estimate-deposit",
  async (captured: CapturedDepositPayment, { container }) => {
    const result = await container.resolve<PortalModuleService>(PORTAL_MODULE).recordEstimateDeposit(captured.estimate_id, {
      payment_id: captured.payment_id,
      amount: captured.captured,
      paid_at: captured.paid_at,
    })
    const { estimate } = result
    return new StepResponse(
      {
        recorded: result.recorded,
        estimate: { id: estimate.id, customer_id: estimate.customer_id, display_number: estimate.display_number },
      },
      result.recorded ? result.previous : null
    )
  },
  async (previous, { container }) => {
    if (previous) {
      await container.resolve<PortalModuleService>(PORTAL_MODULE).revertEstimateDeposit(previous)
    }
  }
)
