import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { PortalEventActor, PortalEventType, PortalTokenSource } from "../../modules/portal/constants"
import { logPortalEventStep, validateCustomerStep } from "../steps"
import { issuePortalLinkStep, validatePortalEnabledStep, syncCustomerDeletedMarksStep } from "./steps"

export const createPortalLinkWorkflowId = "create-portal-link"

/**
 * A new link handed to the owner instead of emailed: "Copy portal link" and "View portal as
 * customer". The URL (with its token) is in the result and nowhere else.
 */
export const createPortalLinkWorkflow = createWorkflow(createPortalLinkWorkflowId, (input: { customer_id: string }) => {
  validateCustomerStep({ customer_id: input.customer_id })
  // The customer exists: a portal closed by a deletion that was since undone opens again.
  syncCustomerDeletedMarksStep({ customer_ids: [input.customer_id] })
  validatePortalEnabledStep()
  const link = issuePortalLinkStep({ customer_id: input.customer_id, source: PortalTokenSource.LINK })
  const event = transform({ link, input }, ({ link, input }) => ({
    type: PortalEventType.LINK_CREATED,
    customer_id: input.customer_id,
    actor: PortalEventActor.OWNER,
    data: { link_id: link.id, expires_at: link.expires_at },
  }))
  logPortalEventStep(event)
  return new WorkflowResponse(link)
})
