import type { MedusaRequest } from "@medusajs/framework/http"
import { PORTAL_MODULE } from "../../modules/portal"
import { PortalEventActor, PortalEventType } from "../../modules/portal/constants"
import type PortalModuleService from "../../modules/portal/service"
import { portalRules } from "./portal-auth"
import { failedLinkOpenLimit } from "./rate-limit"

export type LinkRefusal = "unknown" | "expired" | "revoked" | "portal_disabled" | "access_disabled" | "account_closed"

export type LinkCheck =
  | { usable: true; link: { token_id: string; customer_id: string; expires_at: Date } }
  | { usable: false; reason: LinkRefusal; retry_after?: number }

/**
 * One home for "can this link start a session": the token is valid, the portal is on, the
 * customer's access is enabled and the customer still exists. A failure is logged (without the
 * token) at most FAILED_LINK_OPEN_LIMIT times a minute per address; past that it is only refused.
 */
export async function checkLink(req: MedusaRequest, rawToken: unknown, via: "pages" | "store"): Promise<LinkCheck> {
  const portal = req.scope.resolve<PortalModuleService>(PORTAL_MODULE)
  const check = await portal.verifyPortalToken(rawToken)
  let reason: LinkRefusal | null = check.outcome === "valid" ? null : check.outcome
  if (check.outcome === "valid") {
    const outcome = await portalRules(req, check.customer_id, undefined)
    reason = outcome === "ok" ? null : (outcome as LinkRefusal)
  }
  if (check.outcome === "valid" && !reason) {
    return { usable: true, link: { token_id: check.token_id, customer_id: check.customer_id, expires_at: check.expires_at } }
  }
  const limit = await failedLinkOpenLimit(req)
  if (!limit.allowed) {
    return { usable: false, reason: reason!, retry_after: limit.retry_after }
  }
  await portal.logEvent({
    type: PortalEventType.LINK_OPEN_FAILED,
    customer_id: check.outcome === "unknown" ? null : check.customer_id,
    actor: PortalEventActor.CUSTOMER,
    data: { reason, via },
  })
  return { usable: false, reason: reason! }
}
