import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { renderPortalMessage } from "../../utils/portal-pages"
import { retryWaitText } from "../../utils/rate-limit"

/** Five link requests a minute per address and per email; the sixth waits. */
export const LOGIN_LIMIT = { limit: 5, windowSeconds: 60 }

/**
 * 429 with `Retry-After` and a page that says when to try again; `retry` is where to go then
 * (the login page, or the link that was opened).
 */
export function tooManyRequests(
  req: MedusaRequest,
  res: MedusaResponse,
  retryAfter: number,
  retry: { url: string; label: string } = { url: "/portal/login", label: "Back to the sign-in page" }
) {
  res.setHeader("Retry-After", String(retryAfter))
  return renderPortalMessage(req, res, 429, {
    title: "Too many requests",
    paragraphs: [
      "For your security, links can only be requested or tried a few times a minute.",
      `Please try again in ${retryWaitText(retryAfter)}.`,
    ],
    link: retry,
  })
}
