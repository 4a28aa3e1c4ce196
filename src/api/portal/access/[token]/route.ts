import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { PORTAL_MODULE, PortalSessionChannel } from "../../../../modules/portal"
import type PortalModuleService from "../../../../modules/portal/service"
import type { LinkRefusal } from "../../../utils/link-check"
import { clearLinkOpenToken, issueLinkOpenToken, verifyLinkOpenToken } from "../../../utils/link-open-csrf"
import { checkLinkFor, openLink } from "../../../utils/open-link"
import { currentPortalSession, PORTAL_REFUSALS, setPortalCookie } from "../../../utils/portal-auth"
import { renderPortalMessage, sendPortalPage, setPortalPageHeaders } from "../../../utils/portal-pages"
import { tooManyRequests } from "../../login/limits"

/** The page that says why a link cannot be opened (429 past the limit on failed opens). */
function renderRefusal(req: MedusaRequest, res: MedusaResponse, refused: { reason: LinkRefusal; retry_after?: number }) {
  return refused.retry_after
    ? tooManyRequests(req, res, refused.retry_after)
    : renderLinkRefusal(req, res, refused.reason)
}

function renderLinkRefusal(
  req: MedusaRequest,
  res: MedusaResponse,
  reason: LinkRefusal
) {
  if (reason === "expired") {
    return renderPortalMessage(req, res, 410, {
      title: "This link has expired",
      paragraphs: ["For your security, portal links only work for a limited time. We can email you a new one."],
      action: { url: `/portal/access/${encodeURIComponent(req.params.token)}/renew`, label: "Email me a new link" },
    })
  }
  if (reason === "unknown" || reason === "revoked") {
    return renderPortalMessage(req, res, reason === "revoked" ? 410 : 404, {
      title: reason === "revoked" ? "This link no longer works" : "This link is not valid",
      paragraphs: [
        reason === "revoked"
          ? "The link was replaced or withdrawn by the business."
          : "Check that you opened the whole link from your email.",
        "You can ask for a new link with your email address.",
      ],
      link: { url: "/portal/login", label: "Email me a new link" },
    })
  }
  const refusal = PORTAL_REFUSALS[reason]
  return renderPortalMessage(req, res, refusal.status, { title: refusal.title, paragraphs: [refusal.message] })
}

/**
 * Opening a magic link changes nothing: mail scanners that pre-open links neither sign anyone in
 * nor count as an open. The page asks for one press of a button (a POST carrying a login-CSRF
 * token); a browser already signed in as that customer goes straight to the portal, and one signed
 * in as someone else is told before anything switches.
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const check = await checkLinkFor(req, req.params.token, PortalSessionChannel.PAGES)
  if (!check.usable) {
    return renderRefusal(req, res, check)
  }
  const link = check.link
  const current = await currentPortalSession(req)
  if (current?.customer_id === link.customer_id) {
    setPortalPageHeaders(res)
    return res.redirect(303, "/portal")
  }
  const customers = req.scope.resolve(Modules.CUSTOMER)
  const [linkCustomer] = await customers.listCustomers({ id: link.customer_id }, { select: ["first_name"], take: 1 })
  const currentCustomer = current
    ? (await customers.listCustomers({ id: current.customer_id }, { select: ["first_name", "last_name", "email"], take: 1 }))[0]
    : undefined
  const portal = req.scope.resolve<PortalModuleService>(PORTAL_MODULE)
  await sendPortalPage(req, res, 200, "open-link.html.njk", {
    title: current ? "Switch account?" : "Open your portal",
    button: current ? "Continue with this link" : "Open my portal",
    customer_name: linkCustomer?.first_name || null,
    current_name: currentCustomer
      ? [currentCustomer.first_name, currentCustomer.last_name].filter(Boolean).join(" ") || currentCustomer.email
      : null,
    form_url: `/portal/access/${encodeURIComponent(req.params.token)}`,
    link_csrf: issueLinkOpenToken(req, res, portal.isCookieSecure()),
  })
}

/** The button: starts the session (ending this browser's previous one) and goes to /portal. */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const portal = req.scope.resolve<PortalModuleService>(PORTAL_MODULE)
  if (!verifyLinkOpenToken(req)) {
    return renderPortalMessage(req, res, 403, {
      title: "Please open the link from your email again",
      paragraphs: [
        "This sign-in form expired or did not come from this portal, so nothing was changed.",
        "If it keeps happening, allow cookies for this site.",
      ],
    })
  }
  const opened = await openLink(req, req.params.token, PortalSessionChannel.PAGES)
  if (!opened.opened) {
    return renderRefusal(req, res, opened)
  }
  clearLinkOpenToken(res, portal.isCookieSecure())
  setPortalPageHeaders(res)
  setPortalCookie(req, res, opened.token, opened.expiresIn)
  res.redirect(303, "/portal")
}
