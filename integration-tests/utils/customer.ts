import type { CreateCustomerDTO, ICustomerModuleService, MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"

let sequence = 0

/** A Medusa customer created through the Customer module, with a unique email unless given. */
export async function createCustomer(container: MedusaContainer, data: CreateCustomerDTO = {}) {
  sequence += 1
  return container.resolve<ICustomerModuleService>(Modules.CUSTOMER).createCustomers({
    first_name: "Jane",
    last_name: "Doe",
    email: `customer-${sequence}-${Date.now()}@portal.test`,
    ...data,
  })
}

/** A customer the portal cannot send anything to: the Customer module allows a null email. */
export async function createCustomerWithoutEmail(container: MedusaContainer) {
  return container
    .resolve<ICustomerModuleService>(Modules.CUSTOMER)
    .createCustomers({ first_name: "No", last_name: "Email" })
}
