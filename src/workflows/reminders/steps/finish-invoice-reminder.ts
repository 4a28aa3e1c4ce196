import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PORTAL_MODULE } from "../../../modules/portal"
import type PortalModuleService from "../../../modules/portal/service"

/**
 * Records a claimed reminder's outcome: sent (done for good), or failed — the provider refused
 * the email, so nothing reached the customer, and a later run claims it again (up to
 * REMINDER_MAX_ATTEMPTS). An email cannot be unsent: nothing to compensate.
 */
export const finishInvoiceReminderStep = createStep(
  "finish-invoice-reminder",
  async (input: { id: string; sent: boolean; error?: string | null }, { container }) => {
    await container
      .resolve<PortalModuleService>(PORTAL_MODULE)
      .finishReminder(input.id, { status: input.sent ? "sent" : "failed", at: new Date(), error: input.sent ? null : input.error ?? null })
    return new StepResponse({ id: input.id, status: input.sent ? "sent" : "failed" })
  }
)
