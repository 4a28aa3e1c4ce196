import { createStep, createWorkflow, StepResponse, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { runEmailWorkflow } from "../notifications/run-email-workflow"
import { deliverDocumentEmailWorkflow } from "./deliver-document-email"
import { listEmailsDueStep } from "./steps"

export const sendDuePortalEmailsWorkflowId = "send-due-portal-emails"

/** How many owed emails one run delivers; the next run takes the rest. */
const BATCH = 50

type Due = { id: string; customer_id: string; subject_type: "invoice" | "estimate"; subject_id: string }

/** Delivers each owed email through its own workflow run, so one failure stops no other. */
const deliverEmailsDueStep = createStep("deliver-portal-emails-due", async (input: { due: Due[]; now: Date }, { container }) => {
  for (const due of input.due) {
    await runEmailWorkflow(
      container,
      deliverDocumentEmailWorkflow,
      {
        customer_id: due.customer_id,
        document: { type: due.subject_type, id: due.subject_id },
        email_due_id: due.id,
        now: new Date(input.now),
      },
      {
        customer_id: due.customer_id,
        subject_type: due.subject_type,
        subject_id: due.subject_id,
        what: `Owed portal email for ${due.subject_type} ${due.subject_id}`,
      }
    )
  }
  return new StepResponse(input.due.length)
})

/**
 * The emails that sends owe and no one delivered (the process that sent the document died before
 * its subscriber ran): run by the `send-due-portal-emails` job on whichever instance runs jobs.
 */
export const sendDuePortalEmailsWorkflow = createWorkflow(sendDuePortalEmailsWorkflowId, (input: { now: Date }) => {
  const due = listEmailsDueStep(transform({ input }, ({ input }) => ({ now: input.now, limit: BATCH })))
  const count = deliverEmailsDueStep(transform({ due, input }, ({ due, input }) => ({ due, now: input.now })))
  return new WorkflowResponse(transform({ count }, ({ count }) => ({ attempted: count })))
})
