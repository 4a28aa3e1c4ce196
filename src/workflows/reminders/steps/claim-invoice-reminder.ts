import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PORTAL_MODULE } from "../../../modules/portal"
import type PortalModuleService from "../../../modules/portal/service"

/**
 * Makes (invoice, step) this run's, or finds it is another's: the stored idempotency key (see
 * `claimReminder`). Compensation, when a later step fails before the email left, records the
 * claim as failed so a later run can try again.
 */
export const claimInvoiceReminderStep = createStep(
  "claim-invoice-reminder",
  async (input: { invoice_id: string; customer_id: string; step: string; now: string }, { container }) => {
    const claim = await container
      .resolve<PortalModuleService>(PORTAL_MODULE)
      .claimReminder({ invoice_id: input.invoice_id, customer_id: input.customer_id, step: input.step, now: new Date(input.now) })
    return new StepResponse({ claimed: claim !== null, id: claim?.id ?? null, attempts: claim?.attempts ?? 0 }, claim?.id ?? null)
  },
  async (id, { container }) => {
    if (id) {
      await container
        .resolve<PortalModuleService>(PORTAL_MODULE)
        .finishReminder(id, { status: "failed", at: new Date(), error: "the reminder workflow failed before sending" })
    }
  }
)
