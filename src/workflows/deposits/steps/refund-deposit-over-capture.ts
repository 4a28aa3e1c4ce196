import { ContainerRegistrationKeys, MathBN, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { currencyDecimals } from "../../../lib/money"
import { overCapturedAmount } from "../../../lib/over-capture"
import { customerDisplayName, notifyOwnerFeed } from "../../../lib/owner-feed"
import { PORTAL_MODULE } from "../../../modules/portal"
import { PortalEventActor, PortalEventType } from "../../../modules/portal/constants"
import type PortalModuleService from "../../../modules/portal/service"
import type { CapturedDepositPayment } from "./find-captured-deposit-payment"
import { refundedOfPayment } from "../../payments/utils/payment-refunds"

/**
 * After the capture was recorded up to the deposit due: what the estimate did not take of it
 * (`overCapturedAmount`, from stored facts only, so a replay finds nothing left) goes back to the
 * card through Medusa's Payment Module — a second deposit payment from a race, or one that came
 * in after the estimate was converted — and the owner is told (feed and activity log), with
 * "refund by hand" if Stripe refused. No compensation: a refund cannot be taken back.
 */
export const refundDepositOverCaptureStep = createStep(
  "refund-deposit-over-capture",
  async (captured: CapturedDepositPayment, { container }) => {
    const estimate = await container.resolve<PortalModuleService>(PORTAL_MODULE).retrievePortalEstimate(captured.estimate_id)
    const refunded = await refundedOfPayment(container, captured.payment_id)
    const recorded = estimate.deposit_payment_id === captured.payment_id ? (estimate.deposit_paid as never) : 0
    const excess = overCapturedAmount({ captured: captured.captured, recorded, refunded })
    if (!MathBN.gt(excess, 0)) {
      return new StepResponse({ excess: 0, refunded: false })
    }
    const number = estimate.display_number ?? estimate.id
    let error: string | null = null
    try {
      await container.resolve(Modules.PAYMENT).refundPayment({
        payment_id: captured.payment_id,
        amount: excess.numeric,
        note: `Estimate ${number}: deposit captured above the deposit due`,
      })
    } catch (e) {
      error = (e as Error).message
      container
        .resolve(ContainerRegistrationKeys.LOGGER)
        .error(`Refund of ${excess.numeric} on deposit payment ${captured.payment_id} (estimate ${estimate.id}) failed: ${error}`)
    }
    const money = (amount: number) =>
      `${MathBN.convert(amount).toFixed(currencyDecimals(estimate.currency_code))} ${estimate.currency_code.toUpperCase()}`
    await container.resolve<PortalModuleService>(PORTAL_MODULE).logEvent({
      type: error ? PortalEventType.PAYMENT_FAILED : PortalEventType.PAYMENT_REFUNDED,
      customer_id: estimate.customer_id,
      actor: PortalEventActor.SYSTEM,
      subject_type: "estimate",
      subject_id: estimate.id,
      data: {
        payment_id: captured.payment_id,
        captured: captured.captured,
        recorded: MathBN.convert(recorded).toNumber(),
        ...(error ? { refund_required: excess.numeric, error, action: "refund required" } : { refunded: excess.numeric }),
      },
    })
    const customer = await container
      .resolve(Modules.CUSTOMER)
      .retrieveCustomer(estimate.customer_id)
      .catch(() => null)
    const paid = `${customerDisplayName(customer)}'s deposit payment of ${money(captured.captured)} for estimate ${number} came in when only ${money(MathBN.convert(recorded).toNumber())} of it was due.`
    await notifyOwnerFeed(container, {
      title: error ? `Estimate ${number}: refund ${money(excess.numeric)} by hand` : `Estimate ${number}: ${money(excess.numeric)} refunded`,
      description: error
        ? `${paid} The automatic refund of ${money(excess.numeric)} failed (${error}); refund it from the Stripe dashboard.`
        : `${paid} The ${money(excess.numeric)} above it was refunded to the card.`,
      resource_type: "estimate",
      resource_id: estimate.id,
      key: `portal-deposit-over-capture-${error ? "refund-failed" : "refunded"}-${captured.payment_id}`,
    })
    return new StepResponse({ excess: excess.numeric, refunded: !error })
  }
)
