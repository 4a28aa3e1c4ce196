import type { MedusaRequest } from "@medusajs/framework/http"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { PORTAL_MODULE } from "../../../../../modules/portal"
import type PortalModuleService from "../../../../../modules/portal/service"

/** The routes answer 404 for a customer id Medusa does not know, before anything else. */
export async function assertCustomerExists(req: MedusaRequest, customerId: string) {
  const [customer] = await req.scope.resolve(Modules.CUSTOMER).listCustomers({ id: customerId }, { take: 1, select: ["id"] })
  if (!customer) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer with id "${customerId}" was not found`)
  }
}

export function retrievePortalAccess(req: MedusaRequest, customerId: string) {
  return req.scope.resolve<PortalModuleService>(PORTAL_MODULE).retrievePortalAccessSummary(customerId)
}
