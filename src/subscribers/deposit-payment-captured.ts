import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys, PaymentEvents } from "@medusajs/framework/utils"
import { recordCapturedDepositWorkflow } from "../workflows/deposits"

/**
 * A payment Medusa captured: if it belongs to an estimate's deposit collection, the workflow
 * records it on the estimate and refunds what exceeds the deposit due; any other payment (an
 * invoice's is `payment-captured`'s) changes nothing here. Replays change nothing.
 */
export default async function depositPaymentCapturedHandler({ event: { data }, container }: SubscriberArgs<{ id: string }>) {
  try {
    await recordCapturedDepositWorkflow(container).run({ input: { payment_id: data.id } })
  } catch (error) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .error(`Captured deposit payment ${data.id} could not be recorded: ${(error as Error).message}`)
    throw error
  }
}

export const config: SubscriberConfig = {
  event: PaymentEvents.CAPTURED,
  context: { subscriberId: "portal-deposit-payment-captured" },
}
