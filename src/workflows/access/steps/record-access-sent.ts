import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PORTAL_MODULE } from "../../../modules/portal"
import type PortalModuleService from "../../../modules/portal/service"

/** First / last sent, stamped only when the email actually left. */
export const recordAccessSentStep = createStep(
  "record-portal-access-sent",
  async (input: { customer_id: string }, { container }) => {
    await container.resolve<PortalModuleService>(PORTAL_MODULE).recordAccessSent(input.customer_id)
    return new StepResponse(undefined)
  }
)
