import type { MiddlewareRoute } from "@medusajs/framework/http"
import { verifyCsrf } from "../utils/csrf"
import { portalJsonAuth, portalPageAuth, PortalSectionKey, requireSection } from "../utils/portal-auth"

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
  ...page("/portal"),
  ...page("/portal/invoices", "invoices"),
  ...page("/portal/invoices/:id", "invoices"),
  ...page("/portal/invoices/:id/pdf", "invoices"),
  ...page("/portal/estimates", "estimates"),
  ...page("/portal/estimates/:id", "estimates"),
  ...page("/portal/estimates/:id/pdf", "estimates"),
  form("/portal/estimates/:id/accept", "estimates"),
  form("/portal/estimates/:id/reject", "estimates"),
  ...page("/portal/profile", "profile"),
  form("/portal/profile", "profile"),
  ...page("/portal/history", "history"),
]

export const storePortalMiddlewares: MiddlewareRoute[] = [
  { matcher: "/store/portal/me", middlewares: portalJsonAuth },
]
