import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { PORTAL_MODULE } from "../../../../modules/portal"
import { PortalEventActor, PortalEventType } from "../../../../modules/portal/constants"
import type PortalModuleService from "../../../../modules/portal/service"
import { issuePortalJwt, PORTAL_REFUSALS, setPortalCookie } from "../../../utils/portal-auth"
import { renderPortalMessage, setPortalPageHeaders } from "../../../utils/portal-pages"

/**
 * Opening a magic link: checks it, starts a session in an HttpOnly cookie and redirects to
 * /portal, so the token leaves the address bar. Every failure gets a page that says what to do.
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const portal = req.scope.resolve<PortalModuleService>(PORTAL_MODULE)
  const check = await portal.verifyPortalToken(req.params.token)

  if (check.outcome !== "valid") {
    // The token itself is never logged: only why it failed and, when known, whose it was.
    await portal.logEvent({
      type: PortalEventType.LINK_OPEN_FAILED,
      customer_id: check.outcome === "unknown" ? null : check.customer_id,
      actor: PortalEventActor.CUSTOMER,
      data: { reason: check.outcome },
    })
    if (check.outcome === "expired") {
      return renderPortalMessage(req, res, 410, {
        title: "This link has expired",
        paragraphs: ["For your security, portal links only work for a limited time. We can email you a new one."],
        action: { url: `/portal/access/${encodeURIComponent(req.params.token)}/renew`, label: "Email me a new link" },
      })
    }
    return renderPortalMessage(req, res, check.outcome === "revoked" ? 410 : 404, {
      title: check.outcome === "revoked" ? "This link no longer works" : "This link is not valid",
      paragraphs: [
        check.outcome === "revoked"
          ? "The link was replaced or withdrawn by the business."
          : "Check that you opened the whole link from your email.",
        "You can ask for a new link with your email address.",
      ],
      link: { url: "/portal/login", label: "Email me a new link" },
    })
  }

  const session = await portal.checkPortalSession(check.customer_id, check.token_id)
  if (session === "portal_disabled" || session === "access_disabled") {
    await portal.logEvent({
      type: PortalEventType.LINK_OPEN_FAILED,
      customer_id: check.customer_id,
      actor: PortalEventActor.CUSTOMER,
      data: { reason: session },
    })
    const refusal = PORTAL_REFUSALS[session]
    return renderPortalMessage(req, res, refusal.status, { title: refusal.title, paragraphs: [refusal.message] })
  }

  const { token, expiresIn } = await issuePortalJwt(req, {
    customer_id: check.customer_id,
    token_id: check.token_id,
    expires_at: check.expires_at,
  })
  await portal.recordPortalOpened(check.token_id, check.customer_id)
  await portal.logEvent({
    type: PortalEventType.LINK_OPENED,
    customer_id: check.customer_id,
    actor: PortalEventActor.CUSTOMER,
    data: { link_id: check.token_id },
  })
  setPortalPageHeaders(res)
  setPortalCookie(req, res, token, expiresIn)
  res.redirect(303, "/portal")
}
