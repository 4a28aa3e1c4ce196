import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { InvoicePaymentRefundedEventData } from "../../types/events"
import { decidePortalEmailStep, sendPortalEmailStep } from "../steps"
import { prepareInvoiceRefundStep } from "./steps"

export const sendInvoiceRefundWorkflowId = "send-invoice-refund"

/** The owner refunded (part of) an online payment: the customer is told by email. */
export const sendInvoiceRefundWorkflow = createWorkflow(sendInvoiceRefundWorkflowId, (input: InvoicePaymentRefundedEventData) => {
  const prepared = prepareInvoiceRefundStep(input)
  const decision = decidePortalEmailStep({ customer_id: input.customer_id, purpose: "receipt" })
  const sent = when({ decision }, ({ decision }) => !decision.refusal).then(() =>
    sendPortalEmailStep(transform({ prepared, decision }, ({ prepared, decision }) => ({ ...prepared.email, to: decision.to! })))
  )
  return new WorkflowResponse(transform({ sent, decision }, ({ sent, decision }) => ({ skipped: decision.refusal, email: sent ?? null })))
})
