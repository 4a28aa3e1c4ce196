import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, generateJwtToken } from "@medusajs/framework/utils"
import { PORTAL_MODULE } from "../../modules/portal"
import type PortalModuleService from "../../modules/portal/service"
import { withNext } from "../../lib/portal-next"
import { signingKey } from "./jwt-keys"
import { portalAuthenticate } from "./portal-authenticate"
import { requestPath } from "./portal-headers"
import { renderPortalMessage } from "./portal-pages"
import { portalRulesWithSettings } from "./portal-rules"
import type { Translate } from "../../lib/i18n"
import { rememberCustomerLocale, requestT } from "./request-locale"
import { rememberRequestSettings, requestSettings } from "./request-settings"

/**
 * A link grants the portal and nothing else. Its session is a JWT of the plugin's own actor type
 * (`portal_customer`), signed with the project's jwtSecret: Medusa's `authenticate("customer", …)`
 * on its core store routes refuses it, and it names no auth identity, so Medusa's token refresh
 * cannot turn it into a customer token. The JWT names a `portal_session` row, re-checked on every
 * request with the link it came through: signing out, revoking the link, disabling access,
 * turning the portal off or deleting the customer ends it on the next request.
 */
export const PORTAL_COOKIE = "portal_session"
export const PORTAL_ACTOR_TYPE = "portal_customer"
/** A session never outlives its link, and is at most this long. */
export const MAX_SESSION_SECONDS = 30 * 86_400

export type PortalAuthContext = {
  customer_id: string
  /** Absent when a storefront uses the customer's own Medusa login. */
  portal_session_id?: string
}

type AuthContext = { actor_id?: string; actor_type?: string; app_metadata?: Record<string, unknown> }

/** Signs the token of a started portal session: what the link page and the storefront exchange hand out. */
export function signPortalSession(req: MedusaRequest, session: { id: string; customer_id: string; expires_at: Date | string }) {
  const { http } = req.scope.resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig
  const expiresIn = Math.max(1, Math.floor((new Date(session.expires_at).getTime() - Date.now()) / 1000))
  const token = generateJwtToken(
    {
      actor_id: session.customer_id,
      actor_type: PORTAL_ACTOR_TYPE,
      auth_identity_id: "",
      app_metadata: { portal_session_id: session.id },
      user_metadata: {},
    },
    // A cached KeyObject of the secret: the library would parse the string on every sign.
    { secret: signingKey(http.jwtSecret) as string, expiresIn, jwtOptions: http.jwtOptions }
  )
  return { token, expiresIn }
}

/** The portal session a request carries (after `portalPageAuth` / `portalJsonAuth`), if any. */
export function portalSessionOf(req: MedusaRequest) {
  return (req as MedusaRequest & { portal?: PortalAuthContext }).portal
}

export function setPortalCookie(req: MedusaRequest, res: MedusaResponse, token: string, maxAgeSeconds: number) {
  const portal = req.scope.resolve<PortalModuleService>(PORTAL_MODULE)
  res.cookie(PORTAL_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    secure: portal.isCookieSecure(),
    path: "/",
    maxAge: maxAgeSeconds * 1000,
  })
}

export function clearPortalCookie(req: MedusaRequest, res: MedusaResponse) {
  const portal = req.scope.resolve<PortalModuleService>(PORTAL_MODULE)
  res.clearCookie(PORTAL_COOKIE, { httpOnly: true, sameSite: "lax", secure: portal.isCookieSecure(), path: "/" })
}

/** Pages: the cookie becomes the Bearer token Medusa's authenticate middleware reads. */
function cookieAsBearer(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  const cookie = (req as MedusaRequest & { cookies?: Record<string, string> }).cookies?.[PORTAL_COOKIE]
  if (cookie && !req.headers.authorization) {
    req.headers.authorization = `Bearer ${cookie}`
  }
  next()
}

/**
 * What a refused customer is told, per reason (pages and JSON alike), in their language: the
 * words are the catalogs' `refusal.<reason>.*` (src/lib/i18n).
 */
export const PORTAL_REFUSAL_STATUS = {
  portal_disabled: 403,
  access_disabled: 403,
  link_revoked: 401,
  account_closed: 403,
  signed_out: 401,
} as const

export type PortalRefusalReason = keyof typeof PORTAL_REFUSAL_STATUS

export function portalRefusal(reason: PortalRefusalReason, t: Translate) {
  return { status: PORTAL_REFUSAL_STATUS[reason], title: t(`refusal.${reason}.title`), message: t(`refusal.${reason}.message`) }
}

/**
 * Refusals no new link can fix, as a page tells them: what happened, and why to contact the
 * business, the only next step (the link page uses them too).
 */
export type ContactOnlyRefusal = "portal_disabled" | "access_disabled" | "account_closed"

export function contactOnlyRefusal(reason: ContactOnlyRefusal, t: Translate) {
  return { paragraph: t(`refusal.${reason}.paragraph`), contact_why: t(`refusal.${reason}.contact_why`) }
}

/**
 * The portal's rules for one request: a portal session (or, on store routes, the customer's own
 * Medusa login) whose customer still exists, with the portal on and access enabled.
 */
export async function portalSessionOutcome(req: MedusaRequest, context: AuthContext | undefined) {
  const customerId = context?.actor_id
  if (!customerId || (context.actor_type !== PORTAL_ACTOR_TYPE && context.actor_type !== "customer")) {
    return { outcome: "signed_out" as const }
  }
  const sessionId = context.actor_type === PORTAL_ACTOR_TYPE ? String(context.app_metadata?.portal_session_id ?? "") : undefined
  const { outcome, settings, customer_locale } = await portalRulesWithSettings(req.scope, customerId, sessionId)
  rememberRequestSettings(req, settings)
  rememberCustomerLocale(req, customer_locale)
  return outcome === "ok" ? { outcome, auth: { customer_id: customerId, portal_session_id: sessionId } } : { outcome }
}

/** The live portal session a request already carries (cookie or Bearer), if any: what opening a link replaces. */
export async function currentPortalSession(req: MedusaRequest) {
  const context = (req as MedusaRequest & { auth_context?: AuthContext }).auth_context
  return context ? (await portalSessionOutcome(req, context)).auth : undefined
}

/** Checks the portal rules behind an authenticated request, on every request. */
function requirePortalAccess(face: "page" | "json") {
  return async (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => {
    const context = (req as MedusaRequest & { auth_context?: AuthContext }).auth_context
    const { outcome, auth } = await portalSessionOutcome(req, context)
    if (outcome === "ok" && auth) {
      ;(req as MedusaRequest & { portal?: PortalAuthContext }).portal = auth
      return next()
    }
    const t = await requestT(req)
    const refusal = portalRefusal(outcome, t)
    if (face === "json") {
      res.status(refusal.status).json({
        type: refusal.status === 401 ? "unauthorized" : "not_allowed",
        message: refusal.message,
      })
      return
    }
    if (outcome !== "portal_disabled" && outcome !== "access_disabled") {
      clearPortalCookie(req, res)
    }
    if (outcome === "link_revoked" || outcome === "signed_out") {
      // A new link can reach them: it brings them back to the page they asked for.
      const next = req.method === "GET" ? requestPath(req) : null
      return renderPortalMessage(req, res, refusal.status, {
        title: refusal.title,
        paragraphs: [refusal.message],
        link: { url: withNext("/portal/login", next), label: t("msg.new_link") },
      })
    }
    // No link can help (the portal is off, their access too, the account gone): the business can.
    const page = contactOnlyRefusal(outcome, t)
    await renderPortalMessage(req, res, refusal.status, {
      title: refusal.title,
      paragraphs: [page.paragraph],
      contact: { why: page.contact_why, button: true },
    })
  }
}

/** For portal pages: a missing or bad session shows a page that says what to do, never a bare 401. */
export const portalPageAuth = [
  cookieAsBearer,
  portalAuthenticate(PORTAL_ACTOR_TYPE, ["bearer"], { allowUnauthenticated: true }),
  requirePortalAccess("page"),
]

/** For the link page: who this browser is signed in as, if anyone (nothing is refused). */
export const optionalPortalSession = [
  cookieAsBearer,
  portalAuthenticate(PORTAL_ACTOR_TYPE, ["bearer"], { allowUnauthenticated: true }),
]

/** For the storefront's link exchange: the portal session its Bearer token names, if any (nothing is refused). */
export const optionalStorePortalSession = [portalAuthenticate(PORTAL_ACTOR_TYPE, ["bearer"], { allowUnauthenticated: true })]

/**
 * For storefront JSON routes: a portal session token (from `POST /store/portal/auth`), or the
 * customer's own Medusa login (session or Bearer) when the storefront signs customers in itself.
 */
export const portalJsonAuth = [
  portalAuthenticate([PORTAL_ACTOR_TYPE, "customer"], ["session", "bearer"]),
  requirePortalAccess("json"),
]

export function portalCustomerId(req: MedusaRequest) {
  return (req as MedusaRequest & { portal: PortalAuthContext }).portal.customer_id
}

const SECTION_SETTINGS = {
  invoices: "allow_invoices",
  estimates: "allow_estimates",
  payments: "allow_payments",
  profile: "allow_profile_updates",
  history: "allow_service_history",
} as const

export type PortalSectionKey = keyof typeof SECTION_SETTINGS

/** A section the business turned off answers 403 with a message that says so. */
export function requireSection(section: PortalSectionKey, face: "page" | "json") {
  return async (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => {
    const settings = await requestSettings(req)
    if (settings[SECTION_SETTINGS[section]]) {
      return next()
    }
    const t = await requestT(req)
    const message = t(`msg.section_off.${section}`)
    if (face === "json") {
      res.status(403).json({ type: "not_allowed", message })
      return
    }
    await renderPortalMessage(req, res, 403, { title: t("msg.section_off.title"), paragraphs: [message] })
  }
}
