import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PORTAL_MODULE } from "../../../modules/portal"
import type PortalModuleService from "../../../modules/portal/service"

/** Ends a portal session (sign out, or a browser switching to another link). */
export const endPortalSessionStep = createStep(
  "end-portal-session",
  async (input: { customer_id: string; session_id: string }, { container }) => {
    const { ended } = await container
      .resolve<PortalModuleService>(PORTAL_MODULE)
      .endPortalSession(input.customer_id, input.session_id)
    return new StepResponse({ ended })
  }
)
