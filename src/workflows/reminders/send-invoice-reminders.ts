import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { findDueInvoiceRemindersStep } from "./steps/find-due-invoice-reminders"
import { sendInvoiceReminderBatchStep } from "./steps/send-invoice-reminder-batch"

export const sendInvoiceRemindersWorkflowId = "send-invoice-reminders"

/** Reminders sent per run at most; the rest go on the next run. */
export const DEFAULT_REMINDER_BATCH = 100

export type SendInvoiceRemindersInput = {
  /** The moment to decide at (ISO); the job passes the current time, tests their own clock. */
  now?: string
  limit?: number
}

/**
 * The overdue-reminder run (the `send-overdue-reminders` job starts it; it may run on any
 * instance, as often as wanted): finds the reminders due now by the owner's schedule and sends
 * each once (see `sendInvoiceReminderWorkflow`).
 */
export const sendInvoiceRemindersWorkflow = createWorkflow(
  sendInvoiceRemindersWorkflowId,
  (input: SendInvoiceRemindersInput) => {
    const query = transform({ input }, ({ input }) => ({
      now: input.now ?? new Date().toISOString(),
      limit: input.limit ?? DEFAULT_REMINDER_BATCH,
    }))
    const due = findDueInvoiceRemindersStep(query)
    const sent = sendInvoiceReminderBatchStep(due)
    return new WorkflowResponse(transform({ due, sent }, ({ due, sent }) => ({ due: due.length, ...sent })))
  }
)
