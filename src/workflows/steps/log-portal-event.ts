import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PORTAL_MODULE } from "../../modules/portal"
import type PortalModuleService from "../../modules/portal/service"
import type { ModuleLogPortalEvent } from "../../types/module"

/** Appends to the portal activity log; removed again if the workflow rolls back. */
export const logPortalEventStep = createStep(
  "log-portal-event",
  async (input: ModuleLogPortalEvent, { container }) => {
    const portal = container.resolve<PortalModuleService>(PORTAL_MODULE)
    const event = await portal.logEvent(input)
    return new StepResponse(event, event.id)
  },
  async (eventId, { container }) => {
    if (eventId) {
      await container.resolve<PortalModuleService>(PORTAL_MODULE).deletePortalEvents(eventId)
    }
  }
)
