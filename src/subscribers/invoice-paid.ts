import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { renderEmail } from "../lib/email/render"
import { customerDisplayName, notifyOwnerFeed } from "../lib/owner-feed"
import { invoicePdfData, pdfFileName, renderDocumentPdf } from "../lib/pdf"
import { serializePortalInvoiceDetail } from "../lib/serializers"
import { PORTAL_MODULE } from "../modules/portal"
import { PortalEvents, PortalEventType } from "../modules/portal/constants"
import type PortalModuleService from "../modules/portal/service"
import { loadPortalCustomer } from "../api/utils/portal-profile"

/**
 * An invoice became Paid: the customer gets a receipt with the paid invoice as a PDF, and an
 * online payment shows up in the owner's admin feed. Both are keyed by invoice, so a second
 * delivery of the event sends nothing new.
 */
export default async function invoicePaidHandler({ event: { data }, container }: SubscriberArgs<{ id: string; customer_id: string }>) {
  const portal = container.resolve<PortalModuleService>(PORTAL_MODULE)
  const notifications = container.resolve(Modules.NOTIFICATION)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)

  const invoice = serializePortalInvoiceDetail(await portal.retrieveCustomerInvoice(data.customer_id, data.id))
  const customer = await loadPortalCustomer(container, data.customer_id)
  const settings = await portal.retrieveSettings()
  const last = invoice.payments[invoice.payments.length - 1]
  const online = last?.method === "stripe"

  if (online) {
    await notifyOwnerFeed(container, {
      title: `Invoice ${invoice.number} paid`,
      description: `${customerDisplayName(customer)} paid invoice ${invoice.number} online.`,
      resource_type: "invoice",
      resource_id: invoice.id,
      key: `portal-invoice-paid-feed-${invoice.id}`,
    })
  }

  if (!customer.email || !last) {
    return
  }
  try {
    const pdfData = invoicePdfData(invoice, customer)
    const pdf = await renderDocumentPdf(pdfData, settings)
    await notifications.createNotifications({
      to: customer.email,
      channel: "email",
      template: "payment-receipt",
      content: renderEmail(
        "payment-receipt",
        {
          customer_first_name: customer.first_name,
          invoice_number: invoice.number ?? invoice.id,
          amount: invoice.total,
          currency_code: invoice.currency_code,
          paid_at: invoice.paid_at ?? last.paid_at,
          method_label: last.method_label,
          portal_url: `${portal.getPortalUrl()}/portal`,
        },
        settings
      ),
      attachments: [{ filename: pdfFileName(pdfData), content: pdf.toString("base64"), content_type: "application/pdf" }],
      data: { invoice_id: invoice.id },
      receiver_id: data.customer_id,
      resource_id: invoice.id,
      resource_type: "invoice",
      idempotency_key: `portal-receipt-${invoice.id}`,
    })
  } catch (error) {
    logger.error(`Receipt for invoice ${invoice.id} failed: ${(error as Error).message}`)
    await portal.logEvent({
      type: PortalEventType.EMAIL_FAILED,
      customer_id: data.customer_id,
      subject_type: "invoice",
      subject_id: invoice.id,
      data: { template: "payment-receipt", error: (error as Error).message },
    })
  }
}

export const config: SubscriberConfig = {
  event: PortalEvents.INVOICE_PAID,
  context: { subscriberId: "portal-invoice-paid" },
}
