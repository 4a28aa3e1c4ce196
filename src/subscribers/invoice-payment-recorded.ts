import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { PortalEvents } from "../modules/portal/constants"
import type { InvoicePaymentRecordedEventData } from "../types/events"
import { runEmailWorkflow, sendInvoiceReceiptWorkflow } from "../workflows/notifications"

/**
 * An online part payment was recorded: the customer gets a receipt for it. The payment that
 * settles the invoice gets its receipt from `portal.invoice.paid`; offline part payments are the
 * owner's to acknowledge, as before part payments existed.
 */
export default async function invoicePaymentRecordedHandler({
  event: { data },
  container,
}: SubscriberArgs<InvoicePaymentRecordedEventData>) {
  if (data.settled || data.method !== "stripe") {
    return
  }
  await runEmailWorkflow(
    container,
    sendInvoiceReceiptWorkflow,
    { id: data.id, customer_id: data.customer_id, payment_id: data.payment_id, part: true },
    { customer_id: data.customer_id, subject_type: "invoice", subject_id: data.id, what: `Receipt for a part payment of invoice ${data.id}` }
  )
}

export const config: SubscriberConfig = {
  event: PortalEvents.INVOICE_PAYMENT_RECORDED,
  context: { subscriberId: "portal-invoice-payment-recorded" },
}
