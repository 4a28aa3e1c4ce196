import type { MedusaRequest } from "@medusajs/framework/http"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { PORTAL_MODULE } from "../../../../../modules/portal"
import type PortalModuleService from "../../../../../modules/portal/service"
import type { AdminPortalAccess } from "../../../../../types/http"

/** The routes answer 404 for a customer id Medusa does not know, before anything else. */
export async function assertCustomerExists(req: MedusaRequest, customerId: string) {
  const [customer] = await req.scope.resolve(Modules.CUSTOMER).listCustomers({ id: customerId }, { take: 1, select: ["id"] })
  if (!customer) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer with id "${customerId}" was not found`)
  }
}

export async function retrievePortalAccess(req: MedusaRequest, customerId: string) {
  const summary = await req.scope.resolve<PortalModuleService>(PORTAL_MODULE).retrievePortalAccessSummary(customerId)
  // The service picks `status` among these three values; its inferred type is only `string`.
  return summary as typeof summary & { status: AdminPortalAccess["status"] }
}
