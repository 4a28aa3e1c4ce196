import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { serializePortalCustomer } from "../../lib/serializers"

/** The signed-in customer as the portal shows them (default address included); PDFs and emails use it too. */
export async function loadPortalCustomer(scope: MedusaContainer, customerId: string) {
  const customer = await scope.resolve(Modules.CUSTOMER).retrieveCustomer(customerId, { relations: ["addresses"] })
  return serializePortalCustomer(customer as never)
}

/** The profile: the customer's own record, as they may see and edit it. */
export async function loadPortalProfile(scope: MedusaContainer, customerId: string) {
  return { customer: await loadPortalCustomer(scope, customerId) }
}

export type PortalProfileDTO = Awaited<ReturnType<typeof loadPortalProfile>>
