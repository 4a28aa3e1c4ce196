import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { deleteDraftInvoiceStep } from "./steps"

export const deleteInvoiceWorkflowId = "delete-invoice"

/** Deletes a draft invoice with its lines; sent invoices are voided instead. */
export const deleteInvoiceWorkflow = createWorkflow(deleteInvoiceWorkflowId, (input: { id: string }) => {
  return new WorkflowResponse(deleteDraftInvoiceStep(input.id))
})
