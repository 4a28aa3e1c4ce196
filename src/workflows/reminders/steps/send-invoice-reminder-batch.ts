import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PORTAL_MODULE } from "../../../modules/portal"
import type PortalModuleService from "../../../modules/portal/service"
import { sendInvoiceReminderWorkflow } from "../send-invoice-reminder"
import type { DueInvoiceReminder } from "./find-due-invoice-reminders"

export type ReminderBatchResult = { sent: number; failed: number; not_claimed: number }

/**
 * Runs the one-reminder workflow for each due reminder, one after another (a run is at most
 * `limit` emails; the job runs again on its schedule). One reminder's failure is counted and
 * logged, never stops the others. Each reminder is its own workflow, so nothing here is
 * compensated.
 */
export const sendInvoiceReminderBatchStep = createStep(
  "send-invoice-reminder-batch",
  async (reminders: DueInvoiceReminder[], { container }) => {
    const result: ReminderBatchResult = { sent: 0, failed: 0, not_claimed: 0 }
    if (!reminders.length) {
      return new StepResponse(result)
    }
    const settings = await container.resolve<PortalModuleService>(PORTAL_MODULE).retrieveSettings()
    const logger = container.resolve("logger")
    for (const reminder of reminders) {
      try {
        const { result: outcome } = await sendInvoiceReminderWorkflow(container).run({
          input: { ...reminder, payment_instructions: settings.payment_instructions },
        })
        if (outcome.status === "success") result.sent++
        else if (outcome.status === "not_claimed") result.not_claimed++
        else result.failed++
      } catch (error) {
        result.failed++
        logger.warn(`send-invoice-reminder ${reminder.invoice_id} ${reminder.step}: ${(error as Error).message}`)
      }
    }
    return new StepResponse(result)
  }
)
