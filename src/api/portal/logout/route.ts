import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { PORTAL_MODULE } from "../../../modules/portal"
import { PortalEventActor, PortalEventType } from "../../../modules/portal/constants"
import type PortalModuleService from "../../../modules/portal/service"
import { clearPortalCookie, portalSessionOf } from "../../utils/portal-auth"
import { renderPortalMessage } from "../../utils/portal-pages"

/**
 * Sign out (a CSRF-protected POST): ends the session on the server, so the old cookie stops
 * working everywhere; the link itself keeps working until it expires.
 */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const session = portalSessionOf(req)!
  const portal = req.scope.resolve<PortalModuleService>(PORTAL_MODULE)
  if (session.portal_session_id) {
    await portal.endPortalSession(session.customer_id, session.portal_session_id)
    await portal.logEvent({
      type: PortalEventType.SIGNED_OUT,
      customer_id: session.customer_id,
      actor: PortalEventActor.CUSTOMER,
      data: { session_id: session.portal_session_id },
    })
  }
  clearPortalCookie(req, res)
  delete (req as MedusaRequest & { portal?: unknown }).portal
  return renderPortalMessage(req, res, 200, {
    title: "You are signed out",
    paragraphs: ["Open the link from your email to come back, or ask for a new one."],
    link: { url: "/portal/login", label: "Email me a new link" },
  })
}
