import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys, PaymentEvents } from "@medusajs/framework/utils"
import { PORTAL_MODULE } from "../modules/portal"
import { PortalEventActor, PortalEventType } from "../modules/portal/constants"
import type PortalModuleService from "../modules/portal/service"
import { recordInvoicePaymentWorkflow } from "../workflows/invoice"

/**
 * A payment Medusa captured (Stripe's webhook through `processPaymentWorkflow`, or the return
 * page) on an invoice's payment collection is recorded on the invoice, once: the payment id is
 * unique there, so replays and out-of-order deliveries change nothing.
 */
export default async function paymentCapturedHandler({ event: { data }, container }: SubscriberArgs<{ id: string }>) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const { data: payments } = await query.graph({
    entity: "payment",
    fields: ["id", "amount", "captured_at", "payment_collection.id", "payment_collection.invoice.id"],
    filters: { id: data.id },
  })
  const payment = payments[0] as Record<string, any> | undefined
  const invoiceId = payment?.payment_collection?.invoice?.id as string | undefined
  if (!payment || !invoiceId) {
    return // not an invoice payment (a cart's, an order's)
  }
  try {
    await recordInvoicePaymentWorkflow(container).run({
      input: {
        invoice_id: invoiceId,
        amount: payment.amount,
        method: "stripe",
        paid_at: payment.captured_at ?? new Date(),
        payment_id: payment.id,
        actor: "customer",
      },
    })
  } catch (error) {
    // Paid twice (e.g. offline and online at once): the money is in, the invoice cannot take it.
    // The owner must refund; make it visible.
    const message = (error as Error).message
    logger.error(`Captured payment ${payment.id} could not be recorded on invoice ${invoiceId}: ${message}`)
    const portal = container.resolve<PortalModuleService>(PORTAL_MODULE)
    const invoice = await portal.retrieveInvoice(invoiceId)
    await portal.logEvent({
      type: PortalEventType.PAYMENT_FAILED,
      customer_id: invoice.customer_id,
      actor: PortalEventActor.SYSTEM,
      subject_type: "invoice",
      subject_id: invoiceId,
      data: { payment_id: payment.id, amount: payment.amount, error: message, action: "refund required" },
    })
  }
}

export const config: SubscriberConfig = {
  event: PaymentEvents.CAPTURED,
  context: { subscriberId: "portal-payment-captured" },
}
