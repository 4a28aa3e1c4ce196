import type { MedusaRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createHmac } from "crypto"

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
