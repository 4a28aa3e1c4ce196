import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { PortalEvents } from "../modules/portal/constants"
import type { InvoicePaidEventData } from "../types/events"
import { runEmailWorkflow, sendInvoiceReceiptWorkflow } from "../workflows/notifications"

/** An invoice became Paid: a receipt for the payment that settled it. */
export default async function invoicePaidHandler({ event: { data }, container }: SubscriberArgs<InvoicePaidEventData>) {
  await runEmailWorkflow(
    container,
    sendInvoiceReceiptWorkflow,
    { id: data.id, customer_id: data.customer_id, payment_id: data.payment_id },
    { customer_id: data.customer_id, subject_type: "invoice", subject_id: data.id, what: `Receipt for invoice ${data.id}` }
  )
}

export const config: SubscriberConfig = {
  event: PortalEvents.INVOICE_PAID,
  context: { subscriberId: "portal-invoice-paid" },
}
