import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PORTAL_MODULE } from "../../../modules/portal"
import type PortalModuleService from "../../../modules/portal/service"

export const voidInvoiceStep = createStep(
  "void-invoice",
  async (id: string, { container }) => {
    const result = await container.resolve<PortalModuleService>(PORTAL_MODULE).voidInvoice(id)
    return new StepResponse(result, result.changed ? result.previous : undefined)
  },
  async (previous, { container }) => {
    if (previous) {
      await container.resolve<PortalModuleService>(PORTAL_MODULE).restoreInvoiceState(previous)
    }
  }
)
