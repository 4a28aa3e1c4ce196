import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { RequestedLinks, sendRequestedLinksStep } from "./steps/send-requested-links"

export const sendRequestedPortalLinksWorkflowId = "send-requested-portal-links"

/**
 * A customer asked for a new link (on /portal/login, or from an expired link): each customer the
 * request names gets one if `whyNotEmailCustomer` allows it; everyone else gets nothing.
 */
export const sendRequestedPortalLinksWorkflow = createWorkflow(sendRequestedPortalLinksWorkflowId, (input: RequestedLinks) =>
  new WorkflowResponse(sendRequestedLinksStep(input))
)
