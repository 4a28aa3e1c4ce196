import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PORTAL_MODULE } from "../../../modules/portal"
import type PortalModuleService from "../../../modules/portal/service"
import type { ModuleUpdateInvoice } from "../../../types/module"
import { draftSnapshot } from "../../utils/draft-snapshot"

/** Edits a draft; compensation writes the previous header and lines back (it is still a draft). */
export const updateDraftInvoiceStep = createStep(
  "update-draft-invoice",
  async ({ id, update }: { id: string; update: ModuleUpdateInvoice }, { container }) => {
    const portal = container.resolve<PortalModuleService>(PORTAL_MODULE)
    const before = await portal.retrievePortalInvoice(id, { relations: ["lines"] })
    const invoice = await portal.updateDraftInvoice(id, update)
    return new StepResponse(invoice, { id, before: { ...draftSnapshot(before), due_date: before.due_date } })
  },
  async (compensation, { container }) => {
    if (compensation) {
      await container
        .resolve<PortalModuleService>(PORTAL_MODULE)
        .updateDraftInvoice(compensation.id, compensation.before)
    }
  }
)
