import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { PortalEventActor, PortalEventType } from "../../modules/portal/constants"
import { logPortalEventStep, validateCustomerStep } from "../steps"
import { setPortalAccessEnabledStep } from "./steps"

export const setPortalAccessWorkflowId = "set-portal-access"

/**
 * Disables (revoking every live link, ending sessions on their next request) or re-enables a
 * customer's portal access.
 */
export const setPortalAccessWorkflow = createWorkflow(
  setPortalAccessWorkflowId,
  (input: { customer_id: string; enabled: boolean }) => {
    validateCustomerStep({ customer_id: input.customer_id })
    const result = setPortalAccessEnabledStep(input)
    when({ result }, ({ result }) => result.changed).then(() => {
      const event = transform({ input }, ({ input }) => ({
        type: input.enabled ? PortalEventType.ACCESS_ENABLED : PortalEventType.ACCESS_DISABLED,
        customer_id: input.customer_id,
        actor: PortalEventActor.OWNER,
      }))
      logPortalEventStep(event)
    })
    return new WorkflowResponse(result)
  }
)
