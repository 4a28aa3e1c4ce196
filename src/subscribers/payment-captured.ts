import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys, PaymentEvents } from "@medusajs/framework/utils"
import { recordCapturedBatchPaymentWorkflow, recordCapturedInvoicePaymentWorkflow } from "../workflows/payments"
import { isPaymentBatchPayment } from "../workflows/payments/steps/find-captured-batch-payment"

/**
 * A payment Medusa captured (Stripe's webhook through `processPaymentWorkflow`, or the return
 * page): the workflow records it on its invoice, if it belongs to one, and refunds whatever
 * exceeds the amount due. Replays and out-of-order deliveries change nothing.
 */
export default async function paymentCapturedHandler({ event: { data }, container }: SubscriberArgs<{ id: string }>) {
  try {
    // A payment for several invoices at once has its own collection, linked to its batch.
    const workflow = (await isPaymentBatchPayment(container, data.id))
      ? recordCapturedBatchPaymentWorkflow
      : recordCapturedInvoicePaymentWorkflow
    await workflow(container).run({ input: { payment_id: data.id } })
  } catch (error) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .error(`Captured payment ${data.id} could not be recorded: ${(error as Error).message}`)
    throw error
  }
}

export const config: SubscriberConfig = {
  event: PaymentEvents.CAPTURED,
  context: { subscriberId: "portal-payment-captured" },
}
