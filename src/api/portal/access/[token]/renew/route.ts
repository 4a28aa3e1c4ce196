import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { carriedNext } from "../../../../../lib/portal-next"
import { PORTAL_MODULE } from "../../../../../modules/portal"
import { PortalEvents } from "../../../../../modules/portal/constants"
import type PortalModuleService from "../../../../../modules/portal/service"
import { renderPortalMessage } from "../../../../utils/portal-pages"
import { clientIp, hitRateLimit } from "../../../../utils/rate-limit"
import { LOGIN_LIMIT, tooManyRequests } from "../../../login/limits"
import { requestT } from "../../../../utils/request-locale"

/**
 * "Email me a new link" from an expired link. The answer never says whether anything was sent;
 * the email goes out from a subscriber, so the response time does not tell either.
 */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  for (const key of [`renew:ip:${clientIp(req)}`, `renew:token:${req.params.token}`]) {
    const limit = await hitRateLimit(req.scope, key, LOGIN_LIMIT)
    if (!limit.allowed) {
      return tooManyRequests(req, res, limit.retry_after)
    }
  }
  const check = await req.scope.resolve<PortalModuleService>(PORTAL_MODULE).verifyPortalToken(req.params.token)
  if (check.outcome === "expired") {
    // The page the expired link was meant to open rides along (a checked page path, nothing secret).
    await req.scope.resolve(Modules.EVENT_BUS).emit({
      name: PortalEvents.LINK_RENEW_REQUESTED,
      data: { customer_id: check.customer_id, next: carriedNext(req.query.next) },
    })
  }
  const t = await requestT(req)
  return renderPortalMessage(req, res, 200, {
    title: t("msg.check_email.title"),
    paragraphs: [t("msg.check_email.renew_sent")],
    contact: { why: t("msg.check_email.contact_why") },
  })
}
