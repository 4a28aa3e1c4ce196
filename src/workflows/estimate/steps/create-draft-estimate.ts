import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PORTAL_MODULE } from "../../../modules/portal"
import type PortalModuleService from "../../../modules/portal/service"
import type { ModuleCreateEstimate } from "../../../types/module"

export const createDraftEstimateStep = createStep(
  "create-draft-estimate",
  async (input: ModuleCreateEstimate, { container }) => {
    const estimate = await container.resolve<PortalModuleService>(PORTAL_MODULE).createDraftEstimate(input)
    return new StepResponse(estimate, estimate.id)
  },
  async (id, { container }) => {
    if (id) {
      await container.resolve<PortalModuleService>(PORTAL_MODULE).deletePortalEstimates(id)
    }
  }
)
