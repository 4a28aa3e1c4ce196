import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { carriedNext } from "../../../../../lib/portal-next"
import { PORTAL_MODULE } from "../../../../../modules/portal"
import { PortalEvents } from "../../../../../modules/portal/constants"
import type PortalModuleService from "../../../../../modules/portal/service"
import { renderPortalMessage } from "../../../../utils/portal-pages"
import { clientIp, hitRateLimit } from "../../../../utils/rate-limit"
import { LOGIN_LIMIT, tooManyRequests } from "../../../login/limits"

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
  return renderPortalMessage(req, res, 200, {
    title: "Check your email",
    paragraphs: ["If this link was yours, a new one is on its way to the email address the business has for you."],
    contact: { why: "if nothing arrives" },
  })
}
