import { capturePaymentWorkflow } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { authorizeReturnedPaymentStep } from "../payments/steps"
import { recordCapturedDepositWorkflow } from "./record-captured-deposit"
import { findReturnedDepositSessionStep, readDepositReturnStep } from "./steps"

export const processDepositPaymentReturnWorkflowId = "process-deposit-payment-return"

/**
 * A customer is back from Stripe after paying a deposit: as for an invoice, the session is
 * processed through Medusa's Payment Module and a captured payment recorded at once, by the same
 * idempotent workflow the webhook runs, so whichever comes first wins.
 */
export const processDepositPaymentReturnWorkflow = createWorkflow(
  processDepositPaymentReturnWorkflowId,
  (input: { customer_id: string; estimate_id: string; redirect_status?: string | null }) => {
    const session = findReturnedDepositSessionStep(
      transform({ input }, ({ input }) => ({ customer_id: input.customer_id, estimate_id: input.estimate_id }))
    )
    const authorized = when("authorize-deposit-when-session", { session }, ({ session }) => Boolean(session)).then(() =>
      authorizeReturnedPaymentStep(transform({ session }, ({ session }) => session!))
    )
    when({ authorized }, ({ authorized }) => Boolean(authorized?.payment_id)).then(() => {
      const payment = transform({ authorized }, ({ authorized }) => ({ payment_id: authorized!.payment_id! }))
      capturePaymentWorkflow.runAsStep({ input: payment })
      recordCapturedDepositWorkflow.runAsStep({ input: payment })
    })
    return new WorkflowResponse(
      readDepositReturnStep(
        transform({ input, session }, ({ input, session }) => ({
          customer_id: input.customer_id,
          estimate_id: input.estimate_id,
          session_id: session?.id ?? null,
          redirect_status: input.redirect_status ?? null,
        }))
      )
    )
  }
)
