import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { PortalEventActor, PortalEvents, PortalEventType } from "../../modules/portal/constants"
import { logPortalEventStep } from "../steps"
import { decideEstimateStep, DecideEstimateStepInput } from "./steps"

export const decideEstimateWorkflowId = "decide-estimate"

/**
 * The customer approves or rejects a pending estimate, signed (typed name, accepted terms) and
 * recorded with the fingerprint of the estimate as shown. Only a real change is logged and emits
 * `portal.estimate.accepted` / `.rejected` (which notifies the owner), so repeats and
 * concurrent clicks notify once.
 */
export const decideEstimateWorkflow = createWorkflow(decideEstimateWorkflowId, (input: DecideEstimateStepInput) => {
  const result = decideEstimateStep(input)
  when({ result }, ({ result }) => result.changed).then(() => {
    const details = transform({ result, input }, ({ result, input }) => ({
      event: {
        type: input.decision === "accepted" ? PortalEventType.ESTIMATE_ACCEPTED : PortalEventType.ESTIMATE_REJECTED,
        customer_id: input.customer_id,
        actor: PortalEventActor.CUSTOMER,
        subject_type: "estimate" as const,
        subject_id: result.estimate.id,
        data: {
          display_number: result.estimate.display_number,
          note: result.estimate.decision_note,
          decision_id: result.record?.id ?? null,
        },
      },
      name: input.decision === "accepted" ? PortalEvents.ESTIMATE_ACCEPTED : PortalEvents.ESTIMATE_REJECTED,
      message: { id: result.estimate.id, customer_id: input.customer_id, decision_id: result.record?.id ?? null },
    }))
    logPortalEventStep(details.event)
    emitEventStep({ eventName: details.name, data: details.message })
  })
  return new WorkflowResponse(transform({ result }, ({ result }) => ({ ...result.estimate, decision_record: result.record })))
})
