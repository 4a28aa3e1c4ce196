import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createHmac, randomBytes } from "crypto"
import { submittedSecretMatches } from "../../lib/tokens"

/**
 * Login CSRF for link opens: the page a link shows sets a random nonce in an HttpOnly,
 * SameSite=Lax cookie and puts its HMAC in the form. Another site can make a browser POST a link
 * of its own, but that POST carries no nonce cookie, so it cannot sign the victim in to the
 * attacker's portal.
 */
const NONCE_COOKIE = "portal_link_nonce"
const NONCE_PATH = "/portal/access"
const NONCE_MAX_AGE_MS = 60 * 60 * 1000

function sign(req: MedusaRequest, nonce: string) {
  const { http } = req.scope.resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig
  return createHmac("sha256", String(http.cookieSecret ?? http.jwtSecret))
    .update(`portal-link-open:${nonce}`)
    .digest("base64url")
}

/** Sets a fresh nonce cookie and returns the form token that goes with it. */
export function issueLinkOpenToken(req: MedusaRequest, res: MedusaResponse, secure: boolean) {
  const nonce = randomBytes(32).toString("base64url")
  res.cookie(NONCE_COOKIE, nonce, { httpOnly: true, sameSite: "lax", secure, path: NONCE_PATH, maxAge: NONCE_MAX_AGE_MS })
  return sign(req, nonce)
}

/** True when the form token matches the nonce cookie this browser was given. */
export function verifyLinkOpenToken(req: MedusaRequest) {
  const nonce = (req as MedusaRequest & { cookies?: Record<string, string> }).cookies?.[NONCE_COOKIE]
  if (typeof nonce !== "string" || !nonce) {
    return false
  }
  return submittedSecretMatches((req.body as Record<string, unknown> | undefined)?._csrf, sign(req, nonce))
}

export function clearLinkOpenToken(res: MedusaResponse, secure: boolean) {
  res.clearCookie(NONCE_COOKIE, { httpOnly: true, sameSite: "lax", secure, path: NONCE_PATH })
}
