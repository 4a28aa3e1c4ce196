import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { EmailTemplateData } from "../../../lib/email/templates"
import { documentPagePath } from "../../../lib/portal-next"
import { serializePortalInvoiceDetail } from "../../../lib/serializers"
import { PORTAL_MODULE } from "../../../modules/portal"
import type PortalModuleService from "../../../modules/portal/service"
import type { InvoicePaymentRefundedEventData } from "../../../types/events"
import type { SendPortalEmailStepInput } from "../../steps"

/** The customer's email about a refund of their online payment: how much, when, and what is still due. */
export const prepareInvoiceRefundStep = createStep(
  "prepare-invoice-refund",
  async (input: InvoicePaymentRefundedEventData, { container }) => {
    const portal = container.resolve<PortalModuleService>(PORTAL_MODULE)
    const invoice = serializePortalInvoiceDetail(await portal.retrieveCustomerInvoice(input.customer_id, input.id))
    if (!invoice.payments.some((p) => p.id === input.payment_id)) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Payment ${input.payment_id} is not recorded on invoice ${invoice.number ?? invoice.id}`)
    }
    const customer = await container.resolve(Modules.CUSTOMER).retrieveCustomer(input.customer_id)
    const data: EmailTemplateData<"payment-refunded"> = {
      customer_first_name: customer.first_name,
      invoice_number: invoice.number ?? invoice.id,
      amount: input.amount,
      currency_code: invoice.currency_code,
      refunded_at: input.refunded_at,
      still_due: invoice.open_amount,
      portal_url: `${portal.getPortalUrl()}${documentPagePath({ type: "invoice", id: invoice.id }) ?? "/portal"}`,
    }
    const email: Omit<SendPortalEmailStepInput<"payment-refunded">, "to"> = {
      customer_id: input.customer_id,
      template: "payment-refunded",
      data,
      subject_type: "invoice",
      subject_id: invoice.id,
      // One email per refund: a payment refunded twice (two parts) gets two.
      idempotency_key: `portal-refund-${input.payment_id}-${input.refunded_at}`,
    }
    return new StepResponse({ email })
  }
)
