import { createStep, createWorkflow, StepResponse, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { PORTAL_MODULE } from "../../modules/portal"
import { PortalEventActor, PortalEventType } from "../../modules/portal/constants"
import type PortalModuleService from "../../modules/portal/service"
import { logPortalEventStep } from "../steps"

export const revokePortalLinkWorkflowId = "revoke-portal-link"

/** Revoking is final (a revoked link is never revived), so there is nothing to compensate. */
const revokePortalLinkStep = createStep(
  "revoke-portal-link",
  async (input: { customer_id: string; link_id: string }, { container }) => {
    const token = await container
      .resolve<PortalModuleService>(PORTAL_MODULE)
      .revokePortalToken(input.customer_id, input.link_id)
    return new StepResponse({ id: token.id })
  }
)

/** Revokes one of a customer's live links (another customer's link id answers 404). */
export const revokePortalLinkWorkflow = createWorkflow(
  revokePortalLinkWorkflowId,
  (input: { customer_id: string; link_id: string }) => {
    const revoked = revokePortalLinkStep(input)
    const event = transform({ input }, ({ input }) => ({
      type: PortalEventType.LINK_REVOKED,
      customer_id: input.customer_id,
      actor: PortalEventActor.OWNER,
      data: { link_id: input.link_id },
    }))
    logPortalEventStep(event)
    return new WorkflowResponse(revoked)
  }
)
