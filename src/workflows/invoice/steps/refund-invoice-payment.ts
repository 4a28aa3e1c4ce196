import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PORTAL_MODULE } from "../../../modules/portal"
import type { RefundInvoicePaymentInput } from "../../../modules/portal/actions/invoices"
import type PortalModuleService from "../../../modules/portal/service"

/**
 * Records the owner's refund on the invoice (checked: at most what is left of the payment);
 * compensation puts the payment and the invoice back when the money could not be refunded.
 */
export const recordInvoiceRefundStep = createStep(
  "record-invoice-refund",
  async ({ invoice_id, ...input }: RefundInvoicePaymentInput & { invoice_id: string }, { container }) => {
    const result = await container.resolve<PortalModuleService>(PORTAL_MODULE).refundInvoicePayment(invoice_id, input)
    return new StepResponse(result, { previous_payment: result.previous_payment, previous: result.previous })
  },
  async (compensation, { container }) => {
    if (compensation) {
      await container
        .resolve<PortalModuleService>(PORTAL_MODULE)
        .revertInvoiceRefund(compensation.previous_payment, compensation.previous)
    }
  }
)
