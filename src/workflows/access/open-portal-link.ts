import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { PortalEventActor, PortalEventType, PortalSessionChannel } from "../../modules/portal/constants"
import { logPortalEventStep } from "../steps"
import { endPortalSessionStep, startPortalSessionStep } from "./steps"

export const openPortalLinkWorkflowId = "open-portal-link"

export type OpenPortalLinkInput = {
  /** A link already checked by the route (valid, portal on, access enabled, customer exists). */
  customer_id: string
  token_id: string
  channel: PortalSessionChannel
  /** A session never outlives its link, and lasts at most this long. */
  max_seconds: number
  /** The session this browser had, ended when it switches to this link. */
  previous?: { customer_id: string; session_id: string } | null
}

/**
 * A customer opens a magic link (the portal page's button, or a storefront's exchange): the
 * browser's previous session ends, a new one starts, and the open is logged. The caller signs
 * the session token.
 */
export const openPortalLinkWorkflow = createWorkflow(openPortalLinkWorkflowId, (input: OpenPortalLinkInput) => {
  when({ input }, ({ input }) => Boolean(input.previous)).then(() => {
    const previous = transform({ input }, ({ input }) => ({
      customer_id: input.previous!.customer_id,
      session_id: input.previous!.session_id,
    }))
    endPortalSessionStep(previous)
  })
  const session = startPortalSessionStep({
    customer_id: input.customer_id,
    token_id: input.token_id,
    channel: input.channel,
    max_seconds: input.max_seconds,
  })
  const event = transform({ input }, ({ input }) => ({
    type: PortalEventType.LINK_OPENED,
    customer_id: input.customer_id,
    actor: PortalEventActor.CUSTOMER,
    data: { link_id: input.token_id, via: input.channel },
  }))
  logPortalEventStep(event)
  return new WorkflowResponse(session)
})
