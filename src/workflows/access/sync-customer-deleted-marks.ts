import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { syncCustomerDeletedMarksStep } from "./steps"

export const syncCustomerDeletedMarksWorkflowId = "sync-customer-deleted-marks"

/**
 * Brings the portal's "this customer was deleted" marks in step with the Customer module for some
 * customers: started by the customer's deleted events (subscribers/customer-deleted.ts), whichever
 * way the customer was deleted. Medusa's own delete workflow also does it before it answers (the
 * hook in workflows/hooks), so a deletion from the admin ends the customer's portal at once.
 */
export const syncCustomerDeletedMarksWorkflow = createWorkflow(
  syncCustomerDeletedMarksWorkflowId,
  (input: { customer_ids: string[] }) => new WorkflowResponse(syncCustomerDeletedMarksStep(input))
)
