import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { renderPortalMessage } from "../../utils/portal-pages"

/** Five link requests a minute per address and per email; the sixth waits. */
export const LOGIN_LIMIT = { limit: 5, windowSeconds: 60 }

export function tooManyRequests(req: MedusaRequest, res: MedusaResponse, retryAfter: number) {
  res.setHeader("Retry-After", String(retryAfter))
  return renderPortalMessage(req, res, 429, {
    title: "Too many requests",
    paragraphs: [`Please wait ${retryAfter} seconds before asking for another link.`],
  })
}
