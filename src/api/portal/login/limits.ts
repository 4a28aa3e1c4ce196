import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { renderPortalMessage } from "../../utils/portal-pages"
import { retryWaitText } from "../../utils/rate-limit"
import { requestT } from "../../utils/request-locale"

/** Five link requests a minute per address and per email; the sixth waits. */
export const LOGIN_LIMIT = { limit: 5, windowSeconds: 60 }

/**
 * 429 with `Retry-After` and a page that says when to try again; `retry` is where to go then
 * (the login page, or the link that was opened).
 */
export async function tooManyRequests(
  req: MedusaRequest,
  res: MedusaResponse,
  retryAfter: number,
  retry?: { url: string; label: string }
) {
  const t = await requestT(req)
  res.setHeader("Retry-After", String(retryAfter))
  return renderPortalMessage(req, res, 429, {
    title: t("msg.too_many.title"),
    paragraphs: [t("msg.too_many.body"), t("msg.too_many.try_again", { wait: retryWaitText(retryAfter, t) })],
    link: retry ?? { url: "/portal/login", label: t("msg.back_to_sign_in") },
  })
}
