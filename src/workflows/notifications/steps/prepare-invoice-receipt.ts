import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { EmailTemplateData } from "../../../lib/email/templates"
import { customerDisplayName } from "../../../lib/owner-feed"
import { invoicePdfData, pdfFileName } from "../../../lib/pdf"
import { serializePortalCustomer, serializePortalInvoiceDetail } from "../../../lib/serializers"
import { PORTAL_MODULE } from "../../../modules/portal"
import type PortalModuleService from "../../../modules/portal/service"
import type { NotifyOwnerFeedStepInput, SendPortalEmailStepInput } from "../../steps"
import { documentPagePath } from "../../../lib/portal-next"
import { customerLocale } from "../../utils/customer-locale"

export type InvoiceReceiptInput = {
  /** The paid invoice. */
  id: string
  customer_id: string
  /** The invoice payment that settled it, as `portal.invoice.paid` carries it (or the part payment). */
  payment_id: string
  /** A receipt for a part payment: says what is still due; one per payment. */
  part?: boolean
}

/**
 * The receipt for the payment that settled an invoice, or for an online part payment (named by
 * the event, never guessed from the invoice's payments): its amount, date and method (and, for a
 * part, what is still due), with the invoice as a PDF; and, for an online payment, the owner's
 * feed entry.
 */
export const prepareInvoiceReceiptStep = createStep(
  "prepare-invoice-receipt",
  async (input: InvoiceReceiptInput, { container }) => {
    const portal = container.resolve<PortalModuleService>(PORTAL_MODULE)
    const invoice = serializePortalInvoiceDetail(await portal.retrieveCustomerInvoice(input.customer_id, input.id))
    const payment = invoice.payments.find((p) => p.id === input.payment_id)
    if (!payment) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Payment ${input.payment_id} is not recorded on invoice ${invoice.number ?? invoice.id}`
      )
    }
    const customer = serializePortalCustomer(
      (await container.resolve(Modules.CUSTOMER).retrieveCustomer(input.customer_id, { relations: ["addresses"] })) as never
    )
    const settings = await portal.retrieveSettings()

    const feed: NotifyOwnerFeedStepInput | null =
      payment.method === "stripe" && input.part
        ? {
            title: `Invoice ${invoice.number}: part payment received`,
            description: `${customerDisplayName(customer)} paid part of invoice ${invoice.number} online.`,
            resource_type: "invoice",
            resource_id: invoice.id,
            key: `portal-invoice-part-paid-feed-${payment.id}`,
          }
        : payment.method === "stripe"
        ? {
            title: `Invoice ${invoice.number} paid`,
            description: `${customerDisplayName(customer)} paid invoice ${invoice.number} online.`,
            resource_type: "invoice",
            resource_id: invoice.id,
            key: `portal-invoice-paid-feed-${invoice.id}`,
          }
        : null

    const pdfData = invoicePdfData(invoice, customer)
    // In the PDF worker pool like every other PDF; no customer is waiting, so a busy pool is waited for.
    // In the customer's language, like the email it is attached to.
    const locale = await customerLocale(portal, input.customer_id, settings.default_locale)
    const pdf = await portal.renderDocumentPdf(pdfData, settings, { waitWhenBusy: true, locale })
    const data: EmailTemplateData<"payment-receipt"> = {
      customer_first_name: customer.first_name,
      invoice_number: invoice.number ?? invoice.id,
      amount: payment.amount,
      currency_code: invoice.currency_code,
      paid_at: payment.paid_at,
      method_label: payment.method_label,
      still_due: input.part ? invoice.open_amount : null,
      method: payment.method,
      // The receipt opens its invoice (a signed-out customer is asked to sign in, then lands there).
      portal_url: `${portal.getPortalUrl()}${documentPagePath({ type: "invoice", id: invoice.id }) ?? "/portal"}`,
    }
    const email: Omit<SendPortalEmailStepInput<"payment-receipt">, "to"> = {
      customer_id: input.customer_id,
      template: "payment-receipt",
      data,
      subject_type: "invoice",
      subject_id: invoice.id,
      attachments: [{ filename: pdfFileName(pdfData), content: pdf.toString("base64"), content_type: "application/pdf" }],
      // One receipt per part payment; the settling payment's is keyed by invoice, as before.
      idempotency_key: input.part ? `portal-receipt-${payment.id}` : `portal-receipt-${invoice.id}`,
    }
    return new StepResponse({ feed, email })
  }
)
