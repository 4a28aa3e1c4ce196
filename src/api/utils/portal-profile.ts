import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { serializePortalCustomer } from "../../lib/serializers"

/** The signed-in customer, as the portal shows them (default address included). */
export async function loadPortalCustomer(scope: MedusaContainer, customerId: string) {
  const customer = await scope.resolve(Modules.CUSTOMER).retrieveCustomer(customerId, { relations: ["addresses"] })
  return serializePortalCustomer(customer as never)
}

/** The profile form's values: the customer flattened with their default address. */
export function profileFormValues(customer: Awaited<ReturnType<typeof loadPortalCustomer>>) {
  const { address, ...rest } = customer
  return { ...rest, ...(address ?? {}) }
}
