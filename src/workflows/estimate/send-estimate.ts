import { emitEventStep, useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { PortalEventActor, PortalEvents, PortalEventType } from "../../modules/portal/constants"
import { logPortalEventStep, validateCustomerStep } from "../steps"
import { sendEstimateStep } from "./steps"

export const sendEstimateWorkflowId = "send-estimate"

/**
 * Sends an estimate: draft → sent (shown to the customer as Pending) with the next display
 * number, or a resend. Emits `portal.estimate.sent`.
 */
export const sendEstimateWorkflow = createWorkflow(sendEstimateWorkflowId, (input: { id: string }) => {
  const { data: estimates } = useQueryGraphStep({
    entity: "portal_estimate",
    fields: ["id", "customer_id"],
    filters: { id: input.id },
    options: { throwIfKeyNotFound: true },
  })
  const customerId = transform({ estimates }, ({ estimates }) => estimates[0].customer_id as string)
  validateCustomerStep({ customer_id: customerId, require_email: true })

  const result = sendEstimateStep(input.id)

  const details = transform({ result }, ({ result }) => ({
    event: {
      type: PortalEventType.ESTIMATE_SENT,
      customer_id: result.estimate.customer_id,
      actor: PortalEventActor.OWNER,
      subject_type: "estimate" as const,
      subject_id: result.estimate.id,
      data: { display_number: result.estimate.display_number, resent: result.resent },
    },
    message: {
      id: result.estimate.id,
      customer_id: result.estimate.customer_id,
      resent: result.resent,
      email_due_id: result.email_due_id,
    },
  }))
  logPortalEventStep(details.event)
  emitEventStep({ eventName: PortalEvents.ESTIMATE_SENT, data: details.message })

  return new WorkflowResponse(result.estimate)
})
