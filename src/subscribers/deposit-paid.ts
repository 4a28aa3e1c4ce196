import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { PortalEvents } from "../modules/portal/constants"
import { sendDepositReceiptWorkflow } from "../workflows/deposits"
import { runEmailWorkflow } from "../workflows/notifications"

/** A deposit on an estimate was paid online: a receipt to the customer. */
export default async function depositPaidHandler({
  event: { data },
  container,
}: SubscriberArgs<{ id: string; customer_id: string; payment_id: string }>) {
  await runEmailWorkflow(container, sendDepositReceiptWorkflow, data, {
    customer_id: data.customer_id,
    subject_type: "estimate",
    subject_id: data.id,
    what: `Receipt for the deposit on estimate ${data.id}`,
  })
}

export const config: SubscriberConfig = {
  event: PortalEvents.ESTIMATE_DEPOSIT_PAID,
  context: { subscriberId: "portal-deposit-paid" },
}
