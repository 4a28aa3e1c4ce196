import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { decidePortalEmailStep, notifyOwnerFeedStep, sendPortalEmailStep } from "../steps"
import { InvoiceReceiptInput, prepareInvoiceReceiptStep } from "./steps"

export const sendInvoiceReceiptWorkflowId = "send-invoice-receipt"

/**
 * An invoice became Paid: the customer gets a receipt for the payment that settled it, with the
 * paid invoice as a PDF, and an online payment shows up in the owner's admin feed. Both are keyed
 * by invoice, so a second delivery of the event sends nothing new.
 */
export const sendInvoiceReceiptWorkflow = createWorkflow(sendInvoiceReceiptWorkflowId, (input: InvoiceReceiptInput) => {
  const receipt = prepareInvoiceReceiptStep(input)
  when({ receipt }, ({ receipt }) => Boolean(receipt.feed)).then(() => {
    notifyOwnerFeedStep(transform({ receipt }, ({ receipt }) => receipt.feed!))
  })
  const decision = decidePortalEmailStep({ customer_id: input.customer_id, purpose: "receipt" })
  const sent = when({ decision }, ({ decision }) => !decision.refusal).then(() =>
    sendPortalEmailStep(transform({ receipt, decision }, ({ receipt, decision }) => ({ ...receipt.email, to: decision.to! })))
  )
  return new WorkflowResponse(transform({ sent, decision }, ({ sent, decision }) => ({ skipped: decision.refusal, email: sent ?? null })))
})
