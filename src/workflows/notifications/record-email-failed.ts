import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { PortalEventType } from "../../modules/portal/constants"
import { logPortalEventStep } from "../steps"

export const recordEmailFailedWorkflowId = "record-portal-email-failed"

export type RecordEmailFailedInput = {
  customer_id: string
  subject_type: "invoice" | "estimate"
  subject_id: string
  error: string
}

/**
 * An email workflow failed before its send step could log the failure itself: the activity log
 * says so, so the owner sees it and can resend. The business change behind the email stands.
 */
export const recordEmailFailedWorkflow = createWorkflow(recordEmailFailedWorkflowId, (input: RecordEmailFailedInput) => {
  const event = transform({ input }, ({ input }) => ({
    type: PortalEventType.EMAIL_FAILED,
    customer_id: input.customer_id,
    subject_type: input.subject_type,
    subject_id: input.subject_id,
    data: { error: input.error },
  }))
  return new WorkflowResponse(logPortalEventStep(event))
})
