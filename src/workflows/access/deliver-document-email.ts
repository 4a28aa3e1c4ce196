import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { PortalDocumentRef } from "./steps"
import { claimEmailDueStep, markEmailDoneStep } from "./steps"
import { sendPortalAccessWorkflow } from "./send-portal-access"

export const deliverDocumentEmailWorkflowId = "deliver-document-email"

export type DeliverDocumentEmailInput = {
  customer_id: string
  document: PortalDocumentRef
  /** The owed-email row the send wrote; absent for events from before those were recorded. */
  email_due_id?: string | null
  /** The job's clock (tests control it). */
  now?: Date
}

/**
 * Emails the customer about a sent document, once: claims the owed email (another instance may
 * be delivering it), sends through `send-portal-access`, and marks it done whatever that decided
 * (sent, skipped, or refused by the mail server, which is logged). An error leaves it owed, for
 * the `send-due-portal-emails` job to try again.
 */
export const deliverDocumentEmailWorkflow = createWorkflow(
  deliverDocumentEmailWorkflowId,
  (input: DeliverDocumentEmailInput) => {
    const claim = claimEmailDueStep(transform({ input }, ({ input }) => ({ id: input.email_due_id, now: input.now })))
    const result = when({ claim }, ({ claim }) => claim.claimed).then(() =>
      sendPortalAccessWorkflow.runAsStep({
        input: transform({ input }, ({ input }) => ({
          customer_id: input.customer_id,
          reason: "document" as const,
          document: input.document,
        })),
      })
    )
    when({ claim, input }, ({ claim, input }) => claim.claimed && Boolean(input.email_due_id)).then(() => {
      markEmailDoneStep(transform({ input }, ({ input }) => ({ id: input.email_due_id! })))
    })
    return new WorkflowResponse(transform({ claim, result }, ({ claim, result }) => ({ delivered: claim.claimed, result })))
  }
)
