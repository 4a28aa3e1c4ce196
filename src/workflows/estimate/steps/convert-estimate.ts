import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PORTAL_MODULE } from "../../../modules/portal"
import type PortalModuleService from "../../../modules/portal/service"

/** accepted estimate → new draft invoice with the same lines; compensation deletes the invoice. */
export const convertEstimateStep = createStep(
  "convert-estimate-to-invoice",
  async ({ id, due_date }: { id: string; due_date?: string | Date | null }, { container }) => {
    const result = await container
      .resolve<PortalModuleService>(PORTAL_MODULE)
      .convertEstimateToInvoice(id, { due_date })
    return new StepResponse(result, { estimate_id: id, invoice_id: result.invoice.id })
  },
  async (compensation, { container }) => {
    if (compensation) {
      await container
        .resolve<PortalModuleService>(PORTAL_MODULE)
        .revertEstimateConversion(compensation.estimate_id, compensation.invoice_id)
    }
  }
)
