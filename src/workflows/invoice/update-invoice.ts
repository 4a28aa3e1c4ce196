import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { ModuleUpdateInvoice } from "../../types/module"
import { validateCustomerStep } from "../steps"
import { updateDraftInvoiceStep } from "./steps"

export const updateInvoiceWorkflowId = "update-invoice"

/** Edits a draft invoice; anything but a draft is refused with 409. */
export const updateInvoiceWorkflow = createWorkflow(
  updateInvoiceWorkflowId,
  (input: { id: string; update: ModuleUpdateInvoice }) => {
    validateCustomerStep({ customer_id: input.update.customer_id, currency_code: input.update.currency_code })
    return new WorkflowResponse(updateDraftInvoiceStep(input))
  }
)
