import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { safePortalNext, withNext } from "../../../../lib/portal-next"
import { PORTAL_MODULE, PortalSessionChannel } from "../../../../modules/portal"
import type PortalModuleService from "../../../../modules/portal/service"
import { clearLinkOpenToken, issueLinkOpenToken, verifyLinkOpenToken } from "../../../utils/link-open-csrf"
import { renderLinkRefusal } from "../../../utils/link-refusal"
import { checkLinkFor, openLink } from "../../../utils/open-link"
import { currentPortalSession, setPortalCookie } from "../../../utils/portal-auth"
import { renderPortalMessage, sendPortalPage, setPortalPageHeaders } from "../../../utils/portal-pages"
import { requestT } from "../../../utils/request-locale"

/** The link's own address, keeping the page it is meant to open (`?next=`, checked by `safePortalNext`). */
const linkPath = (req: MedusaRequest) => withNext(`/portal/access/${encodeURIComponent(req.params.token)}`, req.query.next)

/**
 * Opening a magic link changes nothing: mail scanners that pre-open links neither sign anyone in
 * nor count as an open. The page asks for one press of a button (a POST carrying a login-CSRF
 * token); a browser already signed in as that customer goes straight to the portal, and one signed
 * in as someone else is told before anything switches. A link from an email about a document
 * carries `?next=` to that document's page, where the customer lands.
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const check = await checkLinkFor(req, req.params.token, PortalSessionChannel.PAGES)
  if (!check.usable) {
    return renderLinkRefusal(req, res, check, req.params.token, req.query.next)
  }
  const link = check.link
  const current = await currentPortalSession(req)
  if (current?.customer_id === link.customer_id) {
    setPortalPageHeaders(res)
    return res.redirect(303, safePortalNext(req.query.next))
  }
  const customers = req.scope.resolve(Modules.CUSTOMER)
  const [linkCustomer] = await customers.listCustomers({ id: link.customer_id }, { select: ["first_name"], take: 1 })
  const currentCustomer = current
    ? (await customers.listCustomers({ id: current.customer_id }, { select: ["first_name", "last_name", "email"], take: 1 }))[0]
    : undefined
  const portal = req.scope.resolve<PortalModuleService>(PORTAL_MODULE)
  const t = await requestT(req)
  await sendPortalPage(req, res, 200, "open-link.html.njk", {
    title: current ? t("page.open_link.title_switch") : t("page.open_link.title_open"),
    button: current ? t("page.open_link.button_switch") : t("page.open_link.button_open"),
    customer_name: linkCustomer?.first_name || null,
    current_name: currentCustomer
      ? [currentCustomer.first_name, currentCustomer.last_name].filter(Boolean).join(" ") || currentCustomer.email
      : null,
    form_url: linkPath(req),
    link_csrf: issueLinkOpenToken(req, res, portal.isCookieSecure()),
  })
}

/** The button: starts the session (ending this browser's previous one) and goes to the page the link is for. */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const portal = req.scope.resolve<PortalModuleService>(PORTAL_MODULE)
  if (!verifyLinkOpenToken(req)) {
    const t = await requestT(req)
    return renderPortalMessage(req, res, 403, {
      title: t("msg.expired_form.title"),
      paragraphs: [t("msg.expired_sign_in.body"), t("msg.expired_sign_in.cookies")],
      // The link page (a GET, which changes nothing) gives a fresh form.
      link: { url: linkPath(req), label: t("msg.expired_sign_in.open_again") },
    })
  }
  const opened = await openLink(req, req.params.token, PortalSessionChannel.PAGES)
  if (!opened.opened) {
    return renderLinkRefusal(req, res, opened, req.params.token, req.query.next)
  }
  clearLinkOpenToken(res, portal.isCookieSecure())
  setPortalPageHeaders(res)
  setPortalCookie(req, res, opened.token, opened.expiresIn)
  res.redirect(303, safePortalNext(req.query.next))
}
