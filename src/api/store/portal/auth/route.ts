import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { PortalSessionChannel } from "../../../../modules/portal"
import { signOutPortalWorkflow } from "../../../../workflows/access"
import { linkNextStep } from "../../../../lib/link-next-step"
import { newLinkBlocker } from "../../../utils/link-refusal"
import { openLink } from "../../../utils/open-link"
import { portalSessionOf } from "../../../utils/portal-auth"
import { requestT } from "../../../utils/request-locale"
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
 * The same open-link workflow as the portal page's button: a portal session the request's Bearer
 * token names is ended, as the page ends the browser's.
 */
export const POST = async (req: MedusaRequest<StorePortalAuthType>, res: MedusaResponse) => {
  const opened = await openLink(req, req.validatedBody.token, PortalSessionChannel.STORE)
  if (!opened.opened) {
    if (opened.retry_after) {
      res.setHeader("Retry-After", String(opened.retry_after))
      res.status(429).json({
        type: "too_many_requests",
        message: (await requestT(req))("error.link.rate_limited", { seconds: opened.retry_after }),
      })
      return
    }
    // The same reason the link page gives: a link revoked by disabling access says access is disabled.
    const { shown } = linkNextStep(opened.reason, await newLinkBlocker(req, opened))
    throw new MedusaError(MedusaError.Types.UNAUTHORIZED, FAILURES[shown])
  }
  res.json({ token: opened.token, expires_at: opened.session.expires_at })
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
