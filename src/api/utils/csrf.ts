import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createHmac, timingSafeEqual } from "crypto"
import { renderPortalMessage } from "./portal-pages"

/**
 * CSRF protection for the portal's forms, stateless: the token is an HMAC of the session
 * (the portal cookie's JWT) under the project's cookie secret, so it changes with every
 * session, cannot be computed by another site, and needs no server-side store. SameSite=Lax on
 * the cookie is the first line; this is the second.
 */
function sessionOf(req: MedusaRequest) {
  const auth = req.headers.authorization ?? ""
  return auth.startsWith("Bearer ") ? auth.slice(7) : ""
}

export function csrfToken(req: MedusaRequest) {
  const { http } = req.scope.resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig
  return createHmac("sha256", String(http.cookieSecret ?? http.jwtSecret))
    .update(`portal-csrf:${sessionOf(req)}`)
    .digest("base64url")
}

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
