import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PORTAL_MODULE } from "../../../modules/portal"
import type PortalModuleService from "../../../modules/portal/service"
import type { ModuleUpdatePortalSettings } from "../../../types/module"

/** Partial settings update; compensation puts back the fields it changed. */
export const updatePortalSettingsStep = createStep(
  "update-portal-settings",
  async (update: ModuleUpdatePortalSettings, { container }) => {
    const portal = container.resolve<PortalModuleService>(PORTAL_MODULE)
    const before = await portal.retrieveSettings()
    const settings = await portal.updateSettings(update)
    const previous = Object.fromEntries(
      Object.keys(update).map((key) => [key, before[key as keyof typeof before]])
    ) as ModuleUpdatePortalSettings
    return new StepResponse(settings, previous)
  },
  async (previous, { container }) => {
    if (previous) {
      await container.resolve<PortalModuleService>(PORTAL_MODULE).updateSettings(previous)
    }
  }
)
