import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PORTAL_MODULE } from "../../../modules/portal"
import type { PortalSessionChannel } from "../../../modules/portal/constants"
import type PortalModuleService from "../../../modules/portal/service"

export type StartPortalSessionStepInput = {
  customer_id: string
  token_id: string
  channel: PortalSessionChannel
  max_seconds: number
}

/**
 * Starts a portal session for a verified link and logs the open (one statement in the module);
 * compensation ends the session and removes the log entry again.
 */
export const startPortalSessionStep = createStep(
  "start-portal-session",
  async (input: StartPortalSessionStepInput, { container }) => {
    const { session, event_id } = await container.resolve<PortalModuleService>(PORTAL_MODULE).startPortalSession(input)
    return new StepResponse(session, { customer_id: session.customer_id, id: session.id, event_id })
  },
  async (started, { container }) => {
    if (started) {
      const portal = container.resolve<PortalModuleService>(PORTAL_MODULE)
      await portal.endPortalSession(started.customer_id, started.id)
      await portal.deletePortalEvents(started.event_id)
    }
  }
)
