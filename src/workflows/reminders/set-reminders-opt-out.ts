import { createStep, createWorkflow, StepResponse, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { PORTAL_MODULE } from "../../modules/portal"
import { PortalEventActor, PortalEventType } from "../../modules/portal/constants"
import type PortalModuleService from "../../modules/portal/service"
import { logPortalEventStep } from "../steps/log-portal-event"
import { validateCustomerStep } from "../steps/validate-customer"

export const setRemindersOptOutWorkflowId = "set-reminders-opt-out"

export type SetRemindersOptOutInput = {
  customer_id: string
  /** True: no overdue reminders for this customer. */
  opt_out: boolean
  /** The customer in Profile, or the owner in the customer's portal widget. */
  actor: "customer" | "owner"
}

/** Compensation puts the customer's previous choice back. */
const setRemindersOptOutStep = createStep(
  "set-reminders-opt-out",
  async (input: { customer_id: string; opt_out: boolean }, { container }) => {
    const result = await container
      .resolve<PortalModuleService>(PORTAL_MODULE)
      .setRemindersOptOut(input.customer_id, input.opt_out)
    return new StepResponse(result, result.changed ? { customer_id: input.customer_id, previous: result.previous } : undefined)
  },
  async (undo, { container }) => {
    if (undo) {
      await container.resolve<PortalModuleService>(PORTAL_MODULE).setRemindersOptOut(undo.customer_id, undo.previous)
    }
  }
)

/** A customer (Profile) or the owner turns overdue reminders off or on; a change is logged. */
export const setRemindersOptOutWorkflow = createWorkflow(setRemindersOptOutWorkflowId, (input: SetRemindersOptOutInput) => {
  validateCustomerStep({ customer_id: input.customer_id })
  const result = setRemindersOptOutStep({ customer_id: input.customer_id, opt_out: input.opt_out })
  when({ result }, ({ result }) => result.changed).then(() => {
    logPortalEventStep(
      transform({ input }, ({ input }) => ({
        type: PortalEventType.REMINDERS_OPT_OUT_CHANGED,
        customer_id: input.customer_id,
        actor: input.actor === "owner" ? PortalEventActor.OWNER : PortalEventActor.CUSTOMER,
        data: { opt_out: input.opt_out },
      }))
    )
  })
  return new WorkflowResponse(transform({ input }, ({ input }) => ({ reminders_opt_out: input.opt_out })))
})
