import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { decidePortalEmailStep, notifyOwnerFeedStep, sendPortalEmailStep } from "../steps"
import { DepositReceiptInput, prepareDepositReceiptStep } from "./steps"

export const sendDepositReceiptWorkflowId = "send-deposit-receipt"

/** A deposit was paid online: the customer gets a receipt and the owner a feed entry. */
export const sendDepositReceiptWorkflow = createWorkflow(sendDepositReceiptWorkflowId, (input: DepositReceiptInput) => {
  const receipt = prepareDepositReceiptStep(input)
  notifyOwnerFeedStep(transform({ receipt }, ({ receipt }) => receipt.feed))
  const decision = decidePortalEmailStep({ customer_id: input.customer_id, purpose: "receipt" })
  const sent = when("send-deposit-receipt-when-allowed", { decision }, ({ decision }) => !decision.refusal).then(() =>
    sendPortalEmailStep(transform({ receipt, decision }, ({ receipt, decision }) => ({ ...receipt.email, to: decision.to! })))
  )
  return new WorkflowResponse(transform({ sent, decision }, ({ sent, decision }) => ({ skipped: decision.refusal, email: sent ?? null })))
})
