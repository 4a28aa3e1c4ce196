import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { syncCustomerDeletedMarksWorkflow } from "../workflows/access"

/**
 * A customer was deleted, whichever way: `customer.deleted` from Medusa's workflows, and
 * `customer.customer.deleted`, which the Customer module itself emits for any deletion through it
 * (Medusa 2.21; it emits nothing on restore). The portal's mark follows the Customer module, so
 * the next portal request is refused. A restored customer's portal opens again when the owner next
 * sends or copies a link (those workflows sync the mark of a customer they found).
 */
export default async function customerDeletedHandler({ event: { data }, container }: SubscriberArgs<{ id: string | string[] }>) {
  const ids = Array.isArray(data?.id) ? data.id : [data?.id]
  await syncCustomerDeletedMarksWorkflow(container).run({ input: { customer_ids: ids.filter((id): id is string => typeof id === "string") } })
}

export const config: SubscriberConfig = {
  event: ["customer.deleted", "customer.customer.deleted"],
  context: { subscriberId: "portal-customer-deleted" },
}
