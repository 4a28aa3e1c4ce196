import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PORTAL_MODULE } from "../../../modules/portal"
import type PortalModuleService from "../../../modules/portal/service"

export type SetEstimateDepositInput = { id: string; type: "percent" | "amount" | null; value?: unknown }

/** The owner's deposit on a draft or pending estimate; compensation puts the previous one back. */
export const setEstimateDepositStep = createStep(
  "set-estimate-deposit",
  async (input: SetEstimateDepositInput, { container }) => {
    const { estimate, previous } = await container
      .resolve<PortalModuleService>(PORTAL_MODULE)
      .setEstimateDeposit(input.id, { type: input.type, value: input.value })
    return new StepResponse(estimate, previous)
  },
  async (previous, { container }) => {
    if (previous) {
      await container.resolve<PortalModuleService>(PORTAL_MODULE).restoreEstimateDeposit(previous)
    }
  }
)
