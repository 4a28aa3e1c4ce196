import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PORTAL_MODULE } from "../../../modules/portal"
import type PortalModuleService from "../../../modules/portal/service"

/**
 * rejected estimate → new draft revision; the original is not written, so compensation only
 * removes the revision (and its lines) again.
 */
export const reviseEstimateStep = createStep(
  "revise-estimate",
  async (id: string, { container }) => {
    const revision = await container.resolve<PortalModuleService>(PORTAL_MODULE).reviseEstimate(id)
    return new StepResponse(revision, revision.id)
  },
  async (revisionId, { container }) => {
    if (revisionId) {
      await container.resolve<PortalModuleService>(PORTAL_MODULE).deletePortalEstimates(revisionId)
    }
  }
)
