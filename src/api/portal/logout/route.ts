import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { PortalSessionChannel } from "../../../modules/portal/constants"
import { signOutPortalWorkflow } from "../../../workflows/access"
import { clearPortalCookie, portalSessionOf } from "../../utils/portal-auth"
import { renderPortalMessage } from "../../utils/portal-pages"
import { requestT } from "../../utils/request-locale"

/**
 * Sign out (a CSRF-protected POST): ends the session on the server, so the old cookie stops
 * working everywhere; the link itself keeps working until it expires.
 */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const session = portalSessionOf(req)!
  if (session.portal_session_id) {
    await signOutPortalWorkflow(req.scope).run({
      input: { customer_id: session.customer_id, session_id: session.portal_session_id, channel: PortalSessionChannel.PAGES },
    })
  }
  clearPortalCookie(req, res)
  delete (req as MedusaRequest & { portal?: unknown }).portal
  const t = await requestT(req)
  return renderPortalMessage(req, res, 200, {
    title: t("msg.signed_out_page.title"),
    paragraphs: [t("msg.signed_out_page.body")],
    link: { url: "/portal/login", label: t("msg.new_link") },
  })
}
