import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { ModuleCreateInvoice } from "../../types/module"
import { validateCustomerStep } from "../steps"
import { createDraftInvoiceStep } from "./steps"

export const createInvoiceWorkflowId = "create-invoice"

/** Creates a draft invoice for an existing Medusa customer; totals are computed by the module. */
export const createInvoiceWorkflow = createWorkflow(createInvoiceWorkflowId, (input: ModuleCreateInvoice) => {
  validateCustomerStep({ customer_id: input.customer_id, currency_code: input.currency_code })
  return new WorkflowResponse(createDraftInvoiceStep(input))
})
