import { capturePaymentWorkflow } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { recordCapturedBatchPaymentWorkflow } from "./record-captured-batch-payment"
import { authorizeReturnedPaymentStep } from "./steps"
import { findReturnedBatchSessionStep } from "./steps/find-returned-batch-session"
import { readBatchPaymentReturnStep } from "./steps/read-batch-payment-return"

export const processBatchPaymentReturnWorkflowId = "process-batch-payment-return"

/**
 * A customer is back from Stripe after paying several invoices at once: the batch's session is
 * processed as Stripe's webhook would (authorize, capture through Medusa's Payment Module) and
 * the capture is shared out at once, by the same idempotent workflow as the webhook's, so
 * whichever comes first wins and the other changes nothing.
 */
export const processBatchPaymentReturnWorkflow = createWorkflow(
  processBatchPaymentReturnWorkflowId,
  (input: { customer_id: string; batch_id: string; redirect_status?: string | null }) => {
    const session = findReturnedBatchSessionStep(input)
    const authorized = when("batch-return-has-session", { session }, ({ session }) => Boolean(session)).then(() =>
      authorizeReturnedPaymentStep(transform({ session }, ({ session }) => session!))
    )
    when("batch-return-authorized", { authorized }, ({ authorized }) => Boolean(authorized?.payment_id)).then(() => {
      const payment = transform({ authorized }, ({ authorized }) => ({ payment_id: authorized!.payment_id! }))
      capturePaymentWorkflow.runAsStep({ input: payment })
      recordCapturedBatchPaymentWorkflow.runAsStep({ input: payment })
    })
    return new WorkflowResponse(readBatchPaymentReturnStep(input))
  }
)
