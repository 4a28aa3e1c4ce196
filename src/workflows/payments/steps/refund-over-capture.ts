import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { OverCapture } from "./measure-over-capture"

/**
 * Gives the excess back through Medusa's Payment Module, so the Stripe provider refunds it on the
 * PaymentIntent. This is what core-flows' `refundPaymentStep` does; `refundPaymentWorkflow` itself
 * cannot be used: in 2.21.2 it requires the collection to be linked to an order and throws
 * "LinkOrderPaymentCollection payment_collection_id not found" for an invoice's.
 * A failed refund does not undo the recorded payment (the money did arrive): it is answered so
 * the owner is told to refund by hand. No compensation: a refund cannot be taken back.
 */
export const refundOverCaptureStep = createStep(
  "refund-over-capture",
  async (over: OverCapture, { container }) => {
    try {
      await container.resolve(Modules.PAYMENT).refundPayment({
        payment_id: over.payment_id,
        amount: over.excess,
        note: `Invoice ${over.invoice.display_number ?? over.invoice.id}: captured above the amount due`,
      })
      return new StepResponse({ refunded: true, error: null as string | null })
    } catch (error) {
      const message = (error as Error).message
      container
        .resolve(ContainerRegistrationKeys.LOGGER)
        .error(`Refund of ${over.excess} on payment ${over.payment_id} (invoice ${over.invoice.id}) failed: ${message}`)
      return new StepResponse({ refunded: false, error: message })
    }
  }
)
