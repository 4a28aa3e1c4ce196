import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PORTAL_MODULE } from "../../../modules/portal"
import type PortalModuleService from "../../../modules/portal/service"
import type { ModuleCreateInvoice } from "../../../types/module"

export const createDraftInvoiceStep = createStep(
  "create-draft-invoice",
  async (input: ModuleCreateInvoice, { container }) => {
    const invoice = await container.resolve<PortalModuleService>(PORTAL_MODULE).createDraftInvoice(input)
    return new StepResponse(invoice, invoice.id)
  },
  async (id, { container }) => {
    if (id) {
      await container.resolve<PortalModuleService>(PORTAL_MODULE).deletePortalInvoices(id)
    }
  }
)
