import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import { formText } from "../../../lib/form-text"
import { carriedNext, withNext } from "../../../lib/portal-next"
import { PortalEvents } from "../../../modules/portal/constants"
import { contactOnlyRefusal, portalRefusal } from "../../utils/portal-auth"
import { renderPortalMessage, sendPortalPage } from "../../utils/portal-pages"
import { clientIp, hitRateLimit } from "../../utils/rate-limit"
import { requestSettings } from "../../utils/request-settings"
import { LOGIN_LIMIT, tooManyRequests } from "./limits"
import { requestT } from "../../utils/request-locale"

const LoginForm = z.object({ email: z.email().max(320) })

/** While the portal is off no link can be sent to anyone: the page says so instead of offering one. */
async function portalOff(req: MedusaRequest, res: MedusaResponse) {
  const t = await requestT(req)
  const refusal = portalRefusal("portal_disabled", t)
  const page = contactOnlyRefusal("portal_disabled", t)
  return renderPortalMessage(req, res, refusal.status, {
    title: refusal.title,
    paragraphs: [page.paragraph],
    contact: { why: page.contact_why, button: true },
  })
}

/** `?next=` (a page the customer was sent to) travels in the form, then in the emailed link. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  if (!(await requestSettings(req)).enabled) {
    return portalOff(req, res)
  }
  const t = await requestT(req)
  await sendPortalPage(req, res, 200, "login.html.njk", { title: t("page.login.title"), email: "", next: carriedNext(req.query.next) })
}

/**
 * Emails a new link if the address belongs to a customer with portal access. The response is
 * the same, byte for byte, whether or not it does; the lookup and the email happen in a
 * subscriber, so the response time does not tell either.
 */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  if (!(await requestSettings(req)).enabled) {
    return portalOff(req, res)
  }
  const body = (req.body as Record<string, unknown> | undefined) ?? {}
  const next = carriedNext(body.next)
  const t = await requestT(req)
  const parsed = LoginForm.safeParse({ email: formText(body.email).trim() })
  if (!parsed.success) {
    return sendPortalPage(req, res, 400, "login.html.njk", {
      title: t("page.login.title"),
      email: formText(body.email).slice(0, 320),
      error: t("msg.login.invalid_email"),
      next,
    })
  }
  const email = parsed.data.email.toLowerCase()
  for (const key of [`login:ip:${clientIp(req)}`, `login:email:${email}`]) {
    const limit = await hitRateLimit(req.scope, key, LOGIN_LIMIT)
    if (!limit.allowed) {
      return tooManyRequests(req, res, limit.retry_after, { url: withNext("/portal/login", next), label: t("msg.back_to_sign_in") })
    }
  }
  await req.scope.resolve(Modules.EVENT_BUS).emit({ name: PortalEvents.LOGIN_REQUESTED, data: { email, next } })
  return renderPortalMessage(req, res, 200, {
    title: t("msg.check_email.title"),
    paragraphs: [t("msg.check_email.login_sent"), t("msg.check_email.spam")],
    contact: { why: t("msg.check_email.contact_why") },
  })
}
