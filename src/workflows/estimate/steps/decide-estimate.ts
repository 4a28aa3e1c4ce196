import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PORTAL_MODULE } from "../../../modules/portal"
import type PortalModuleService from "../../../modules/portal/service"

export type DecideEstimateStepInput = {
  customer_id: string
  estimate_id: string
  decision: "accepted" | "rejected"
  note?: string | null
}

/** sent → accepted | rejected, under a row lock; compensation puts the estimate back. */
export const decideEstimateStep = createStep(
  "decide-estimate",
  async (input: DecideEstimateStepInput, { container }) => {
    const result = await container
      .resolve<PortalModuleService>(PORTAL_MODULE)
      .decideEstimate(input.customer_id, input.estimate_id, { decision: input.decision, note: input.note })
    return new StepResponse(result, result.changed ? result.previous : undefined)
  },
  async (previous, { container }) => {
    if (previous) {
      await container.resolve<PortalModuleService>(PORTAL_MODULE).restoreEstimateState(previous)
    }
  }
)
