import type { MedusaContainer } from "@medusajs/framework/types"
import { PORTAL_MODULE } from "../../modules/portal"
import type { PortalRequestCheck } from "../../modules/portal/service"
import type PortalModuleService from "../../modules/portal/service"

/**
 * The one home of "may this customer use the portal now": portal on, access enabled, session live,
 * link not revoked, and the customer not deleted (`portalSessionOutcome`). Without a session id (a
 * link being opened, or a storefront's own Medusa customer login) the session rules do not apply.
 *
 * One statement: whether the customer still exists is the access row's mark, which Medusa's
 * delete-customers workflow sets before it answers (workflows/hooks/customers-deleted.ts), the
 * customer's deleted events set for every other deletion (subscribers/customer-deleted.ts), and
 * the owner's next link clears after a restore, so no request asks the Customer module again. The
 * settings the check read come back with it, for the rest of the request.
 */
export async function portalRulesWithSettings(
  scope: MedusaContainer,
  customerId: string,
  sessionId: string | undefined
): Promise<PortalRequestCheck> {
  return scope.resolve<PortalModuleService>(PORTAL_MODULE).checkPortalRequest(customerId, sessionId)
}
