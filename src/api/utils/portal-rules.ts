import type { ICustomerModuleService, MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { PORTAL_MODULE } from "../../modules/portal"
import type PortalModuleService from "../../modules/portal/service"

/**
 * The one home of "may this customer use the portal now": the module's rules (portal on, access
 * enabled, session live, link not revoked) and the customer still existing — deleting a customer
 * ends their portal at once, whichever way they were deleted. Without a session id (a link being
 * opened, or a storefront's own Medusa customer login) the session rules do not apply.
 */
export async function portalRules(scope: MedusaContainer, customerId: string, sessionId: string | undefined) {
  const outcome = await scope.resolve<PortalModuleService>(PORTAL_MODULE).checkPortalSession(customerId, sessionId)
  if (outcome !== "ok") {
    return outcome
  }
  const [customer] = await scope
    .resolve<ICustomerModuleService>(Modules.CUSTOMER)
    .listCustomers({ id: customerId }, { select: ["id"], take: 1 })
  return customer ? outcome : ("account_closed" as const)
}
