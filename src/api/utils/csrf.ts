import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { timingSafeEqual } from "crypto"
import { csrfToken } from "./csrf-token"
import { renderPortalMessage } from "./portal-pages"

/** For POST pages, after `portalPageAuth` (which puts the session into the Authorization header). */
export async function verifyCsrf(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const sent = String((req.body as Record<string, unknown> | undefined)?._csrf ?? req.headers["x-csrf-token"] ?? "")
  const expected = csrfToken(req)
  const ok = sent.length === expected.length && timingSafeEqual(Buffer.from(sent), Buffer.from(expected))
  if (ok) {
    return next()
  }
  await renderPortalMessage(req, res, 403, {
    title: "This form has expired",
    paragraphs: ["Go back, reload the page and try again. Nothing was changed."],
  })
}
