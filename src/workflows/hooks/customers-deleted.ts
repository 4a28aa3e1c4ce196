import { deleteCustomersWorkflow } from "@medusajs/medusa/core-flows"
import { restoreCustomerDeletedMarks, syncCustomerDeletedMarks } from "../access/steps/sync-customer-deleted-marks"

/*
 * Medusa's delete-customers workflow (the admin's "Delete customer"): the deleted customers'
 * portals close before that request is answered, inside the same workflow, and open again if it
 * is rolled back. Other ways of deleting a customer are followed through its deleted event.
 */
deleteCustomersWorkflow.hooks.customersDeleted(
  async ({ ids }, { container }) => syncCustomerDeletedMarks(container, ids),
  async (previous, { container }) => restoreCustomerDeletedMarks(previous, container)
)
