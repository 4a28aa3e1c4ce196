import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { PortalSessionChannel } from "../../../../modules/portal"
import { checkLink } from "../../../utils/link-check"
import { openPortalLinkWorkflow, signOutPortalWorkflow } from "../../../../workflows/access"
import { MAX_SESSION_SECONDS, portalSessionOf, signPortalSession } from "../../../utils/portal-auth"
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
  const { result: session } = await openPortalLinkWorkflow(req.scope).run({
    input: {
      customer_id: check.customer_id,
      token_id: check.token_id,
      channel: PortalSessionChannel.STORE,
      max_seconds: MAX_SESSION_SECONDS,
    },
  })
  const { token } = signPortalSession(req, session)
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
  await signOutPortalWorkflow(req.scope).run({
    input: { customer_id: session.customer_id, session_id: session.portal_session_id, channel: PortalSessionChannel.STORE },
  })
  res.json({ success: true })
}
