import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PORTAL_MODULE } from "../../../modules/portal"
import type PortalModuleService from "../../../modules/portal/service"

/** draft → sent with a display number (or a resend); compensation restores the previous state. */
export const sendInvoiceStep = createStep(
  "send-invoice",
  async (id: string, { container }) => {
    const result = await container.resolve<PortalModuleService>(PORTAL_MODULE).sendInvoice(id)
    return new StepResponse(result, result.resent ? undefined : result.previous)
  },
  async (previous, { container }) => {
    if (previous) {
      await container.resolve<PortalModuleService>(PORTAL_MODULE).restoreInvoiceState(previous)
    }
  }
)
