import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { decidePortalEmailStep, notifyOwnerFeedStep, sendPortalEmailStep } from "../steps"
import { PaymentBatchReceiptInput, preparePaymentBatchReceiptStep } from "./steps/prepare-payment-batch-receipt"

export const sendPaymentBatchReceiptWorkflowId = "send-payment-batch-receipt"

/**
 * One card payment paid several invoices: the customer gets one receipt listing them and what
 * each took, and the owner's feed shows it once. Keyed by batch: a replay sends nothing.
 */
export const sendPaymentBatchReceiptWorkflow = createWorkflow(sendPaymentBatchReceiptWorkflowId, (input: PaymentBatchReceiptInput) => {
  const receipt = preparePaymentBatchReceiptStep(input)
  notifyOwnerFeedStep(transform({ receipt }, ({ receipt }) => receipt.feed))
  const decision = decidePortalEmailStep({ customer_id: input.customer_id, purpose: "receipt" })
  const sent = when({ decision }, ({ decision }) => !decision.refusal).then(() =>
    sendPortalEmailStep(transform({ receipt, decision }, ({ receipt, decision }) => ({ ...receipt.email, to: decision.to! })))
  )
  return new WorkflowResponse(transform({ sent, decision }, ({ sent, decision }) => ({ skipped: decision.refusal, email: sent ?? null })))
})
