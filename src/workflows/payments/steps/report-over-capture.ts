import { MathBN, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { currencyDecimals } from "../../../lib/money"
import { customerDisplayName, notifyOwnerFeed } from "../../../lib/owner-feed"
import { PORTAL_MODULE } from "../../../modules/portal"
import { PortalEventActor, PortalEventType } from "../../../modules/portal/constants"
import type PortalModuleService from "../../../modules/portal/service"
import type { OverCapture } from "./measure-over-capture"

/**
 * Tells the owner (admin feed) and the activity log that a card payment came in above what was
 * due, and whether the excess went back automatically or must be refunded by hand.
 */
export const reportOverCaptureStep = createStep(
  "report-over-capture",
  async ({ over, refund }: { over: OverCapture; refund: { refunded: boolean; error: string | null } }, { container }) => {
    const { invoice } = over
    const money = (amount: number) =>
      `${MathBN.convert(amount).toFixed(currencyDecimals(invoice.currency_code))} ${invoice.currency_code.toUpperCase()}`
    const number = invoice.display_number ?? invoice.id
    const customer = await container
      .resolve(Modules.CUSTOMER)
      .retrieveCustomer(invoice.customer_id)
      .catch(() => null)
    const paid = `${customerDisplayName(customer)}'s card payment of ${money(over.captured)} for invoice ${number} came in when only ${money(over.recorded)} was still due.`

    await container.resolve<PortalModuleService>(PORTAL_MODULE).logEvent({
      type: refund.refunded ? PortalEventType.PAYMENT_REFUNDED : PortalEventType.PAYMENT_FAILED,
      customer_id: invoice.customer_id,
      actor: PortalEventActor.SYSTEM,
      subject_type: "invoice",
      subject_id: invoice.id,
      data: {
        payment_id: over.payment_id,
        captured: over.captured,
        recorded: over.recorded,
        ...(refund.refunded
          ? { refunded: over.excess }
          : { refund_required: over.excess, error: refund.error, action: "refund required" }),
      },
    })
    await notifyOwnerFeed(
      container,
      refund.refunded
        ? {
            title: `Invoice ${number}: ${money(over.excess)} refunded`,
            description: `${paid} The ${money(over.excess)} above the amount due was refunded to the card.`,
            resource_type: "invoice",
            resource_id: invoice.id,
            key: `portal-over-capture-refunded-${over.payment_id}`,
          }
        : {
            title: `Invoice ${number}: refund ${money(over.excess)} by hand`,
            description: `${paid} The automatic refund of ${money(over.excess)} failed (${refund.error}); refund it from the Stripe dashboard.`,
            resource_type: "invoice",
            resource_id: invoice.id,
            key: `portal-over-capture-refund-failed-${over.payment_id}`,
          }
    )
    return new StepResponse(undefined)
  }
)
