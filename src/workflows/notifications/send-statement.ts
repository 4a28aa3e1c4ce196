import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { PortalEventActor, PortalEventType } from "../../modules/portal/constants"
import { decidePortalEmailStep, logPortalEventStep, sendPortalEmailStep } from "../steps"
import { prepareStatementEmailStep, StatementEmailInput } from "./steps"

export const sendStatementWorkflowId = "send-statement"

/**
 * The owner emails a customer their statement of account for a period (validated by the route):
 * refused with the reason when the customer may not be emailed (`whyNotEmailCustomer`), else the
 * statement PDF goes out attached and the activity log records it (removed again if the workflow
 * rolls back). A failed send does not throw: it is logged, and the owner is told.
 */
export const sendStatementWorkflow = createWorkflow(sendStatementWorkflowId, (input: StatementEmailInput) => {
  const decision = decidePortalEmailStep({ customer_id: input.customer_id, purpose: "owner_request", refuse: true })
  const prepared = prepareStatementEmailStep(input)
  const email = sendPortalEmailStep(transform({ prepared, decision }, ({ prepared, decision }) => ({ ...prepared.email, to: decision.to! })))
  logPortalEventStep(
    transform({ input, email, prepared }, ({ input, email, prepared }) => ({
      type: PortalEventType.STATEMENT_SENT,
      customer_id: input.customer_id,
      actor: PortalEventActor.OWNER,
      data: { from: input.from, to: input.to, currencies: prepared.currencies, email_status: email.status },
    }))
  )
  return new WorkflowResponse(email)
})
