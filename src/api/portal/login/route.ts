import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import { formText } from "../../../lib/form-text"
import { PortalEvents } from "../../../modules/portal/constants"
import { renderPortalMessage, sendPortalPage } from "../../utils/portal-pages"
import { clientIp, hitRateLimit } from "../../utils/rate-limit"
import { LOGIN_LIMIT, tooManyRequests } from "./limits"

const LoginForm = z.object({ email: z.email().max(320) })

export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  await sendPortalPage(req, res, 200, "login.html.njk", { title: "Get your portal link", email: "" })
}

/**
 * Emails a new link if the address belongs to a customer with portal access. The response is
 * the same, byte for byte, whether or not it does; the lookup and the email happen in a
 * subscriber, so the response time does not tell either.
 */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const parsed = LoginForm.safeParse({ email: formText((req.body as Record<string, unknown> | undefined)?.email).trim() })
  if (!parsed.success) {
    return sendPortalPage(req, res, 400, "login.html.njk", {
      title: "Get your portal link",
      email: formText((req.body as Record<string, unknown> | undefined)?.email).slice(0, 320),
      error: "Enter a valid email address, like name@example.com.",
    })
  }
  const email = parsed.data.email.toLowerCase()
  for (const key of [`login:ip:${clientIp(req)}`, `login:email:${email}`]) {
    const limit = await hitRateLimit(req.scope, key, LOGIN_LIMIT)
    if (!limit.allowed) {
      return tooManyRequests(req, res, limit.retry_after)
    }
  }
  await req.scope.resolve(Modules.EVENT_BUS).emit({ name: PortalEvents.LOGIN_REQUESTED, data: { email } })
  return renderPortalMessage(req, res, 200, {
    title: "Check your email",
    paragraphs: [
      "If this address belongs to a customer of ours with portal access, we have emailed a secure link to it.",
      "It can take a minute to arrive. Check your spam folder too.",
    ],
  })
}
