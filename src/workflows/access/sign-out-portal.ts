import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { PortalEventActor, PortalEventType, PortalSessionChannel } from "../../modules/portal/constants"
import { logPortalEventStep } from "../steps"
import { endPortalSessionStep } from "./steps"

export const signOutPortalWorkflowId = "sign-out-portal"

/** The customer signs out (portal page or storefront): the session ends on the server, logged once. */
export const signOutPortalWorkflow = createWorkflow(
  signOutPortalWorkflowId,
  (input: { customer_id: string; session_id: string; channel: PortalSessionChannel }) => {
    const result = endPortalSessionStep({ customer_id: input.customer_id, session_id: input.session_id })
    when({ result }, ({ result }) => result.ended).then(() => {
      const event = transform({ input }, ({ input }) => ({
        type: PortalEventType.SIGNED_OUT,
        customer_id: input.customer_id,
        actor: PortalEventActor.CUSTOMER,
        data: { session_id: input.session_id, via: input.channel },
      }))
      logPortalEventStep(event)
    })
    return new WorkflowResponse(result)
  }
)
