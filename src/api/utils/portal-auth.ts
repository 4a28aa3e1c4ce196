import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { authenticate } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, generateJwtToken, Modules } from "@medusajs/framework/utils"
import { PORTAL_MODULE } from "../../modules/portal"
import type PortalModuleService from "../../modules/portal/service"
import { renderPortalMessage } from "./portal-pages"

/**
 * Portal sessions are Medusa's own customer JWTs (signed with the project's jwtSecret, checked
 * by Medusa's `authenticate("customer", …)`), carried in an HttpOnly cookie for the pages and as
 * a Bearer token for storefronts. The JWT names the link it came from, so revoking the link or
 * disabling the customer's access ends the session on the next request.
 */
export const PORTAL_COOKIE = "portal_session"
export const AUTH_PROVIDER = "portal"
/** A session never outlives its link, and is at most this long. */
const MAX_SESSION_SECONDS = 30 * 86_400

export type PortalAuthContext = {
  customer_id: string
  portal_token_id?: string
}

async function ensureAuthIdentity(req: MedusaRequest, customerId: string) {
  const auth = req.scope.resolve(Modules.AUTH)
  const [existing] = await auth.listProviderIdentities(
    { provider: AUTH_PROVIDER, entity_id: customerId },
    { relations: ["auth_identity"], take: 1 }
  )
  if (existing?.auth_identity_id) {
    return existing.auth_identity_id
  }
  const identity = await auth.createAuthIdentities({
    provider_identities: [{ provider: AUTH_PROVIDER, entity_id: customerId }],
    app_metadata: { customer_id: customerId },
  })
  return identity.id
}

/** A Medusa customer token for a verified link: what the access page and the exchange route issue. */
export async function issuePortalJwt(
  req: MedusaRequest,
  { customer_id, token_id, expires_at }: { customer_id: string; token_id: string; expires_at: Date }
) {
  const { http } = req.scope.resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig
  const authIdentityId = await ensureAuthIdentity(req, customer_id)
  const expiresIn = Math.max(
    1,
    Math.min(MAX_SESSION_SECONDS, Math.floor((new Date(expires_at).getTime() - Date.now()) / 1000))
  )
  const token = generateJwtToken(
    {
      actor_id: customer_id,
      actor_type: "customer",
      auth_identity_id: authIdentityId,
      auth_provider: AUTH_PROVIDER,
      app_metadata: { customer_id, portal_token_id: token_id },
      user_metadata: {},
    },
    { secret: http.jwtSecret, expiresIn, jwtOptions: http.jwtOptions }
  )
  return { token, expiresIn }
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

/** What a refused customer is told, per reason (pages and JSON alike). */
export const PORTAL_REFUSALS = {
  portal_disabled: {
    status: 403,
    title: "The portal is not available",
    message: "This business has turned its customer portal off. Please contact them directly.",
  },
  access_disabled: {
    status: 403,
    title: "Your portal access is turned off",
    message: "Your access to this portal has been disabled. Please contact the business if you think this is a mistake.",
  },
  link_revoked: {
    status: 401,
    title: "This link no longer works",
    message: "The link you used was replaced or withdrawn. Ask for a new one below.",
  },
  signed_out: {
    status: 401,
    title: "Please open your portal link",
    message: "Open the link from your latest email, or ask for a new one below.",
  },
} as const

/** Checks the portal rules behind an authenticated customer on every request. */
function requirePortalAccess(face: "page" | "json") {
  return async (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => {
    const context = (req as MedusaRequest & { auth_context?: { actor_id?: string; actor_type?: string; app_metadata?: Record<string, unknown> } }).auth_context
    const customerId = context?.actor_type === "customer" ? context.actor_id : undefined
    const portal = req.scope.resolve<PortalModuleService>(PORTAL_MODULE)
    const outcome = customerId
      ? await portal.checkPortalSession(customerId, context?.app_metadata?.portal_token_id as string | undefined)
      : "signed_out"
    if (outcome === "ok") {
      ;(req as MedusaRequest & { portal?: PortalAuthContext }).portal = {
        customer_id: customerId!,
        portal_token_id: context?.app_metadata?.portal_token_id as string | undefined,
      }
      return next()
    }
    const refusal = PORTAL_REFUSALS[outcome]
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
    await renderPortalMessage(req, res, refusal.status, {
      title: refusal.title,
      paragraphs: [refusal.message],
      link: outcome === "link_revoked" || outcome === "signed_out" ? { url: "/portal/login", label: "Email me a new link" } : undefined,
    })
  }
}

/** For portal pages: a missing or bad session shows a page that says what to do, never a bare 401. */
export const portalPageAuth = [
  cookieAsBearer,
  authenticate("customer", ["bearer"], { allowUnauthenticated: true }),
  requirePortalAccess("page"),
]

/** For storefront JSON routes: Medusa's customer session or Bearer token. */
export const portalJsonAuth = [authenticate("customer", ["session", "bearer"]), requirePortalAccess("json")]

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

const SECTION_NAMES = {
  invoices: "Invoices",
  estimates: "Estimates",
  payments: "Online payment",
  profile: "Profile updates",
  history: "Service history",
} as const

export type PortalSectionKey = keyof typeof SECTION_SETTINGS

/** A section the business turned off answers 403 with a message that says so. */
export function requireSection(section: PortalSectionKey, face: "page" | "json") {
  return async (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => {
    const settings = await req.scope.resolve<PortalModuleService>(PORTAL_MODULE).retrieveSettings()
    if (settings[SECTION_SETTINGS[section]]) {
      return next()
    }
    const message = `${SECTION_NAMES[section]} is not available in this portal. Please contact the business if you need it.`
    if (face === "json") {
      res.status(403).json({ type: "not_allowed", message })
      return
    }
    await renderPortalMessage(req, res, 403, { title: "This section is turned off", paragraphs: [message] })
  }
}
