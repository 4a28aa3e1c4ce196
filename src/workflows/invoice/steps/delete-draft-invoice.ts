import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PORTAL_MODULE } from "../../../modules/portal"
import type PortalModuleService from "../../../modules/portal/service"

export const deleteDraftInvoiceStep = createStep(
  "delete-draft-invoice",
  async (id: string, { container }) => {
    await container.resolve<PortalModuleService>(PORTAL_MODULE).deleteDraftInvoice(id)
    return new StepResponse(id, id)
  },
  async (id, { container }) => {
    if (id) {
      await container.resolve<PortalModuleService>(PORTAL_MODULE).restorePortalInvoices(id)
    }
  }
)
