import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PORTAL_MODULE } from "../../../modules/portal"
import type PortalModuleService from "../../../modules/portal/service"

/**
 * draft → sent with a display number (or a resend), and the customer email it owes. Compensation
 * restores the previous state and drops the owed email.
 */
export const sendInvoiceStep = createStep(
  "send-invoice",
  async (id: string, { container }) => {
    const result = await container.resolve<PortalModuleService>(PORTAL_MODULE).sendInvoice(id)
    return new StepResponse(result, {
      previous: result.resent ? undefined : result.previous,
      email_due_id: result.email_due_id,
    })
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const portal = container.resolve<PortalModuleService>(PORTAL_MODULE)
    await portal.deletePortalEmailDues(undo.email_due_id)
    if (undo.previous) {
      await portal.restoreInvoiceState(undo.previous)
    }
  }
)
