import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { deleteDraftEstimateStep } from "./steps"

export const deleteEstimateWorkflowId = "delete-estimate"

/** Deletes a draft estimate with its lines. */
export const deleteEstimateWorkflow = createWorkflow(deleteEstimateWorkflowId, (input: { id: string }) => {
  return new WorkflowResponse(deleteDraftEstimateStep(input.id))
})
