import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { PortalEvents } from "../../modules/portal/constants"
import type { ModuleUpdatePortalSettings } from "../../types/module"
import { updatePortalSettingsStep } from "./steps"

export const updatePortalSettingsWorkflowId = "update-portal-settings"

/** Saves the owner's portal settings (partial update). */
export const updatePortalSettingsWorkflow = createWorkflow(
  updatePortalSettingsWorkflowId,
  (input: ModuleUpdatePortalSettings) => {
    const settings = updatePortalSettingsStep(input)
    const message = transform({ input }, ({ input }) => ({ fields: Object.keys(input) }))
    emitEventStep({ eventName: PortalEvents.SETTINGS_UPDATED, data: message })
    return new WorkflowResponse(settings)
  }
)
