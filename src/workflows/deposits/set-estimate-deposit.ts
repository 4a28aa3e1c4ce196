import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { setEstimateDepositStep, SetEstimateDepositInput } from "./steps"

export const setEstimateDepositWorkflowId = "set-estimate-deposit"

/**
 * The owner asks for a deposit on an estimate (issue #15): a percentage of the total or a fixed
 * amount, set or changed while the estimate is a draft or pending; type null removes it.
 */
export const setEstimateDepositWorkflow = createWorkflow(setEstimateDepositWorkflowId, (input: SetEstimateDepositInput) => {
  return new WorkflowResponse(setEstimateDepositStep(input))
})
