import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { PortalEvents } from "../modules/portal/constants"
import type { InvoicePaymentRefundedEventData } from "../types/events"
import { runEmailWorkflow, sendInvoiceRefundWorkflow } from "../workflows/notifications"

/** The owner refunded (part of) an online payment: the customer gets an email about it. */
export default async function invoicePaymentRefundedHandler({ event: { data }, container }: SubscriberArgs<InvoicePaymentRefundedEventData>) {
  await runEmailWorkflow(container, sendInvoiceRefundWorkflow, data, {
    customer_id: data.customer_id,
    subject_type: "invoice",
    subject_id: data.id,
    what: `Refund email for invoice ${data.id}`,
  })
}

export const config: SubscriberConfig = {
  event: PortalEvents.INVOICE_PAYMENT_REFUNDED,
  context: { subscriberId: "portal-invoice-payment-refunded" },
}
