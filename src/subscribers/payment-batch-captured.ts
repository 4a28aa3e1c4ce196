import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { PortalEvents } from "../modules/portal/constants"
import { runEmailWorkflow, sendPaymentBatchReceiptWorkflow } from "../workflows/notifications"

/** One payment for several invoices was shared out: one receipt listing them. */
export default async function paymentBatchCapturedHandler({
  event: { data },
  container,
}: SubscriberArgs<{ id: string; customer_id: string; payment_id: string }>) {
  await runEmailWorkflow(
    container,
    sendPaymentBatchReceiptWorkflow,
    { id: data.id, customer_id: data.customer_id, payment_id: data.payment_id },
    { customer_id: data.customer_id, subject_type: "invoice", subject_id: data.id, what: `Receipt for payment batch ${data.id}` }
  )
}

export const config: SubscriberConfig = {
  event: PortalEvents.PAYMENT_BATCH_CAPTURED,
  context: { subscriberId: "portal-payment-batch-captured" },
}
