import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PORTAL_MODULE } from "../../../modules/portal"
import type PortalModuleService from "../../../modules/portal/service"
import type { ModuleUpdateEstimate } from "../../../types/module"
import { draftSnapshot } from "../../utils/draft-snapshot"

/** Edits a draft; compensation writes the previous header and lines back (it is still a draft). */
export const updateDraftEstimateStep = createStep(
  "update-draft-estimate",
  async ({ id, update }: { id: string; update: ModuleUpdateEstimate }, { container }) => {
    const portal = container.resolve<PortalModuleService>(PORTAL_MODULE)
    const before = await portal.retrievePortalEstimate(id, { relations: ["lines"] })
    const estimate = await portal.updateDraftEstimate(id, update)
    return new StepResponse(estimate, { id, before: { ...draftSnapshot(before), valid_until: before.valid_until } })
  },
  async (compensation, { container }) => {
    if (compensation) {
      await container
        .resolve<PortalModuleService>(PORTAL_MODULE)
        .updateDraftEstimate(compensation.id, compensation.before)
    }
  }
)
