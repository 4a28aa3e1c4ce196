import type { ICustomerModuleService, MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { PORTAL_MODULE } from "../../modules/portal"
import type { PortalRequestCheck } from "../../modules/portal/service"
import type PortalModuleService from "../../modules/portal/service"

/**
 * The one home of "may this customer use the portal now": the module's rules (portal on, access
 * enabled, session live, link not revoked) and the customer still existing — deleting a customer
 * ends their portal at once, whichever way they were deleted. Without a session id (a link being
 * opened, or a storefront's own Medusa customer login) the session rules do not apply.
 *
 * The module's rules are one statement; the customer is asked of the Customer module at the same
 * time (not joined into that statement: the portal module does not read another module's tables),
 * so the whole check costs one round trip. The module's refusal wins, as when they ran in turn.
 * The settings the check read come back with it, for the rest of the request.
 */
export async function portalRulesWithSettings(
  scope: MedusaContainer,
  customerId: string,
  sessionId: string | undefined
): Promise<{
  outcome: PortalRequestCheck["outcome"] | "account_closed"
  settings: PortalRequestCheck["settings"]
  customer_locale?: string | null
}> {
  const [check, [customer]] = await Promise.all([
    scope.resolve<PortalModuleService>(PORTAL_MODULE).checkPortalRequest(customerId, sessionId),
    scope.resolve<ICustomerModuleService>(Modules.CUSTOMER).listCustomers({ id: customerId }, { select: ["id"], take: 1 }),
  ])
  if (check.outcome !== "ok") {
    return check
  }
  return customer ? check : { outcome: "account_closed", settings: check.settings }
}
