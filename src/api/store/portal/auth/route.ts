import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { PORTAL_MODULE, PortalSessionChannel } from "../../../../modules/portal"
import { PortalEventActor, PortalEventType } from "../../../../modules/portal/constants"
import type PortalModuleService from "../../../../modules/portal/service"
import { checkLink } from "../../../utils/link-check"
import { portalSessionOf, startPortalSession } from "../../../utils/portal-auth"
import type { StorePortalAuthType } from "../validators"

const FAILURES = {
  unknown: "This portal link is not valid",
  revoked: "This portal link was replaced or withdrawn",
  expired: "This portal link has expired; ask for a new one",
  portal_disabled: "The customer portal is turned off",
  access_disabled: "Portal access is disabled for this customer",
  account_closed: "This customer account no longer exists",
} as const

/**
 * For storefronts: exchanges a magic-link token for a portal session token. It works on
 * /store/portal/* only (its actor type is the portal's own, which Medusa's core routes refuse);
 * a storefront that wants the customer signed in to the whole store uses Medusa's customer auth.
 */
export const POST = async (req: MedusaRequest<StorePortalAuthType>, res: MedusaResponse) => {
  const portal = req.scope.resolve<PortalModuleService>(PORTAL_MODULE)
  const result = await checkLink(req, req.validatedBody.token, "store")
  if (!result.usable) {
    if (result.retry_after) {
      res.setHeader("Retry-After", String(result.retry_after))
      res.status(429).json({
        type: "too_many_requests",
        message: `Too many invalid links from this address; try again in ${result.retry_after} seconds`,
      })
      return
    }
    throw new MedusaError(MedusaError.Types.UNAUTHORIZED, FAILURES[result.reason])
  }
  const check = result.link
  const { token, session } = await startPortalSession(req, {
    customer_id: check.customer_id,
    token_id: check.token_id,
    channel: PortalSessionChannel.STORE,
  })
  await portal.logEvent({
    type: PortalEventType.LINK_OPENED,
    customer_id: check.customer_id,
    actor: PortalEventActor.CUSTOMER,
    data: { link_id: check.token_id, via: "store" },
  })
  res.json({ token, expires_at: session.expires_at })
}

/** Sign out for storefronts: ends the portal session the token names. */
export const DELETE = async (req: MedusaRequest, res: MedusaResponse) => {
  const session = portalSessionOf(req)!
  if (!session.portal_session_id) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      "This is the customer's own store login, not a portal session: sign out through Medusa's auth routes"
    )
  }
  const portal = req.scope.resolve<PortalModuleService>(PORTAL_MODULE)
  await portal.endPortalSession(session.customer_id, session.portal_session_id)
  await portal.logEvent({
    type: PortalEventType.SIGNED_OUT,
    customer_id: session.customer_id,
    actor: PortalEventActor.CUSTOMER,
    data: { session_id: session.portal_session_id, via: "store" },
  })
  res.json({ success: true })
}
