import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { PortalEvents } from "../../modules/portal/constants"
import { reviseEstimateStep } from "./steps"

export const reviseEstimateWorkflowId = "revise-estimate"

/**
 * The owner re-opens a rejected estimate as a new draft version (EST-0007-2) to edit and send
 * through the normal send flow. The customer sees nothing until it is sent. Emits
 * `portal.estimate.revised`.
 */
export const reviseEstimateWorkflow = createWorkflow(reviseEstimateWorkflowId, (input: { id: string }) => {
  const revision = reviseEstimateStep(input.id)
  const message = transform({ revision, input }, ({ revision, input }) => ({
    id: input.id,
    revision_id: revision.id,
    customer_id: revision.customer_id,
  }))
  emitEventStep({ eventName: PortalEvents.ESTIMATE_REVISED, data: message })
  return new WorkflowResponse(revision)
})
