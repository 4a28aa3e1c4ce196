import type { ICustomerModuleService, MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PORTAL_MODULE } from "../../../modules/portal"
import type PortalModuleService from "../../../modules/portal/service"

type Marks = Parameters<PortalModuleService["setCustomerDeletedMarks"]>[0]

/**
 * Sets each customer's access-row mark from what the Customer module says now (deleted, with
 * when; or there, null), so running it twice, late, or out of order with a restore still ends
 * on the truth. Returns the marks replaced, for compensation.
 */
export async function syncCustomerDeletedMarks(container: MedusaContainer, customerIds: string[]) {
  const ids = [...new Set(customerIds.filter((id) => typeof id === "string" && id))]
  if (!ids.length) {
    return new StepResponse({ changed: 0 }, [] as Marks)
  }
  const customers = await container
    .resolve<ICustomerModuleService>(Modules.CUSTOMER)
    .listCustomers({ id: ids }, { select: ["id", "deleted_at"], withDeleted: true })
  const found = new Map(customers.map((customer) => [customer.id, customer.deleted_at ? new Date(customer.deleted_at) : null]))
  // Not found even among the deleted: removed for good.
  const marks = ids.map((id) => ({ customer_id: id, deleted_at: found.has(id) ? found.get(id)! : new Date() }))
  const previous = await container.resolve<PortalModuleService>(PORTAL_MODULE).setCustomerDeletedMarks(marks)
  return new StepResponse({ changed: previous.length }, previous)
}

export async function restoreCustomerDeletedMarks(previous: Marks | undefined, container: MedusaContainer) {
  if (previous?.length) {
    await container.resolve<PortalModuleService>(PORTAL_MODULE).setCustomerDeletedMarks(previous)
  }
}

/** A step of `syncCustomerDeletedMarks`; compensation puts the replaced marks back. */
export const syncCustomerDeletedMarksStep = createStep(
  "sync-customer-deleted-marks",
  async (input: { customer_ids: string[] }, { container }) => syncCustomerDeletedMarks(container, input.customer_ids),
  async (previous, { container }) => restoreCustomerDeletedMarks(previous, container)
)
