import { MiddlewareRoute } from "@medusajs/framework/http"
import { validatePortalBody } from "../utils/validate-body"
import { validatePortalQuery } from "../utils/validate-query"
import { PortalProfileInput } from "../../lib/profile-input"
import { verifyCsrf } from "../utils/csrf"
import { redactLinkToken } from "../utils/redact-link-token"
import {
  optionalPortalSession,
  optionalStorePortalSession,
  portalJsonAuth,
  portalPageAuth,
  PortalSectionKey,
  requireSection,
} from "../utils/portal-auth"
import { StoreRemindersOptOut } from "../store/portal/validators"
import { StorePortalPayment } from "../store/portal/payments/validators"
import { NoBody, PortalEstimatesQuery, PortalInvoicesQuery, StoreDecision, StorePaymentSession, validateStatementQuery } from "./validators"

const statementQuery = validateStatementQuery

const page = (matcher: string, section?: PortalSectionKey): MiddlewareRoute[] => [
  { method: ["GET"], matcher, middlewares: [...portalPageAuth, ...(section ? [requireSection(section, "page")] : [])] },
]
const form = (matcher: string, section: PortalSectionKey): MiddlewareRoute => ({
  method: ["POST"],
  matcher,
  middlewares: [...portalPageAuth, requireSection(section, "page"), verifyCsrf],
})

/** Everything a customer sees after opening a link goes through the same checks. */
export const portalMiddlewares: MiddlewareRoute[] = [
  // A link's token is a credential: it leaves the logged path before anything else runs.
  { method: ["GET", "POST"], matcher: "/portal/access/:token", middlewares: [redactLinkToken, ...optionalPortalSession] },
  { method: ["POST"], matcher: "/portal/access/:token/renew", middlewares: [redactLinkToken] },
  { method: ["POST"], matcher: "/portal/logout", middlewares: [...portalPageAuth, verifyCsrf] },
  ...page("/portal"),
  ...page("/portal/invoices", "invoices"),
  // The statement belongs to invoices: it is on when they are. Its period is checked before it is read.
  ...page("/portal/statement", "invoices").map((r) => ({ ...r, middlewares: [...r.middlewares!, statementQuery] })),
  ...page("/portal/statement/pdf", "invoices").map((r) => ({ ...r, middlewares: [...r.middlewares!, statementQuery] })),
  ...page("/portal/invoices/:id", "invoices"),
  ...page("/portal/invoices/:id/pdf", "invoices"),
  ...page("/portal/invoices/:id/pay", "payments"),
  ...page("/portal/invoices/:id/pay/return", "invoices"),
  form("/portal/invoices/:id/pay", "payments"),
  ...page("/portal/estimates", "estimates"),
  ...page("/portal/estimates/:id", "estimates"),
  ...page("/portal/estimates/:id/pdf", "estimates"),
  ...page("/portal/estimates/:id/accept", "estimates"),
  form("/portal/estimates/:id/accept", "estimates"),
  form("/portal/estimates/:id/reject", "estimates"),
  // Pay deposit (issue #15): an estimate's page, paid like an invoice.
  ...page("/portal/estimates/:id/deposit", "payments"),
  ...page("/portal/estimates/:id/deposit/return", "estimates"),
  form("/portal/estimates/:id/deposit", "payments"),
  ...page("/portal/profile", "profile"),
  form("/portal/profile", "profile"),
  form("/portal/profile/reminders", "profile"),
  ...page("/portal/history", "history"),
  // Issue #15 item 3: one card payment for several invoices.
  ...page("/portal/payments", "payments"),
  form("/portal/payments", "payments"),
  ...page("/portal/payments/:id/return", "invoices"),
]

type Middleware = NonNullable<MiddlewareRoute["middlewares"]>[number]

const json = (method: "GET" | "POST" | "DELETE", matcher: string, section?: PortalSectionKey, ...rest: Middleware[]): MiddlewareRoute => ({
  method: [method],
  matcher,
  middlewares: [...portalJsonAuth, ...(section ? [requireSection(section, "json")] : []), ...rest],
})

/** The same features as JSON for storefronts, behind Medusa's customer authentication. */
export const storePortalMiddlewares: MiddlewareRoute[] = [
  json("GET", "/store/portal"),
  // The link exchange needs no session; one it carries is ended, as the link page ends the browser's.
  { method: ["POST"], matcher: "/store/portal/auth", middlewares: optionalStorePortalSession },
  json("DELETE", "/store/portal/auth"),
  json("GET", "/store/portal/me"),
  json("GET", "/store/portal/invoices", "invoices", validatePortalQuery(PortalInvoicesQuery, { defaults: [], isList: true })),
  json("GET", "/store/portal/invoices/:id", "invoices"),
  json("GET", "/store/portal/statement", "invoices", statementQuery),
  json("GET", "/store/portal/invoices/:id/pdf", "invoices"),
  json("POST", "/store/portal/invoices/:id/payment-session", "payments", validatePortalBody(StorePaymentSession)),
  json("GET", "/store/portal/estimates", "estimates", validatePortalQuery(PortalEstimatesQuery, { defaults: [], isList: true })),
  json("GET", "/store/portal/estimates/:id", "estimates"),
  json("GET", "/store/portal/estimates/:id/pdf", "estimates"),
  json("POST", "/store/portal/estimates/:id/accept", "estimates", validatePortalBody(StoreDecision)),
  json("POST", "/store/portal/estimates/:id/reject", "estimates", validatePortalBody(StoreDecision)),
  json("POST", "/store/portal/estimates/:id/deposit-session", "payments", validatePortalBody(NoBody)),
  json("GET", "/store/portal/profile", "profile"),
  json("POST", "/store/portal/profile", "profile", validatePortalBody(PortalProfileInput)),
  json("GET", "/store/portal/profile/reminders", "profile"),
  json("POST", "/store/portal/profile/reminders", "profile", validatePortalBody(StoreRemindersOptOut)),
  json("GET", "/store/portal/history", "history"),
  json("POST", "/store/portal/payments", "payments", validatePortalBody(StorePortalPayment)),
]
