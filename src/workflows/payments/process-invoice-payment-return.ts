import { capturePaymentWorkflow } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { recordCapturedInvoicePaymentWorkflow } from "./record-captured-invoice-payment"
import { authorizeReturnedPaymentStep, findReturnedPaymentSessionStep, readPaymentReturnStep } from "./steps"

export const processInvoicePaymentReturnWorkflowId = "process-invoice-payment-return"

export type ProcessInvoicePaymentReturnInput = {
  customer_id: string
  invoice_id: string
  /** Stripe's `redirect_status`; only a failure is believed from it. */
  redirect_status?: string | null
}

/**
 * A customer is back from Stripe (or the processing page checks again): the invoice's payment
 * session is processed as Stripe's webhook would, through Medusa's Payment Module, and a captured
 * payment is recorded on the invoice at once, so the answer needs no waiting. The same capture
 * workflow (`payment.captured`) and the same idempotent recording as the webhook path run, so
 * whichever comes first wins and the other changes nothing.
 */
export const processInvoicePaymentReturnWorkflow = createWorkflow(
  processInvoicePaymentReturnWorkflowId,
  (input: ProcessInvoicePaymentReturnInput) => {
    const session = findReturnedPaymentSessionStep(
      transform({ input }, ({ input }) => ({ customer_id: input.customer_id, invoice_id: input.invoice_id }))
    )
    const authorized = when({ session }, ({ session }) => Boolean(session)).then(() =>
      authorizeReturnedPaymentStep(transform({ session }, ({ session }) => session!))
    )
    when({ authorized }, ({ authorized }) => Boolean(authorized?.payment_id)).then(() => {
      const payment = transform({ authorized }, ({ authorized }) => ({ payment_id: authorized!.payment_id! }))
      capturePaymentWorkflow.runAsStep({ input: payment })
      recordCapturedInvoicePaymentWorkflow.runAsStep({ input: payment })
    })
    const result = readPaymentReturnStep(
      transform({ input, session }, ({ input, session }) => ({
        customer_id: input.customer_id,
        invoice_id: input.invoice_id,
        session_id: session?.id ?? null,
        redirect_status: input.redirect_status ?? null,
      }))
    )
    return new WorkflowResponse(result)
  }
)
