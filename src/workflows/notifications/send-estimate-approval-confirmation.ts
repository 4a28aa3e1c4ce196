import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { decidePortalEmailStep, sendPortalEmailStep } from "../steps"
import { EstimateApprovedInput, prepareEstimateApprovedStep } from "./steps"

export const sendEstimateApprovalConfirmationWorkflowId = "send-estimate-approval-confirmation"

/**
 * A customer approved an estimate: they get the record of their approval by email, with the
 * approved estimate (printing the same record) as a PDF. Keyed by the decision record, so a
 * second delivery of the event sends nothing new.
 */
export const sendEstimateApprovalConfirmationWorkflow = createWorkflow(
  sendEstimateApprovalConfirmationWorkflowId,
  (input: EstimateApprovedInput) => {
    const confirmation = prepareEstimateApprovedStep(input)
    const decision = decidePortalEmailStep({ customer_id: input.customer_id, purpose: "document" })
    const sent = when({ decision }, ({ decision }) => !decision.refusal).then(() =>
      sendPortalEmailStep(transform({ confirmation, decision }, ({ confirmation, decision }) => ({ ...confirmation.email, to: decision.to! })))
    )
    return new WorkflowResponse(transform({ sent, decision }, ({ sent, decision }) => ({ skipped: decision.refusal, email: sent ?? null })))
  }
)
