import type { MiddlewareRoute } from "@medusajs/framework/http"
import { portalJsonAuth, portalPageAuth } from "../utils/portal-auth"

/** Everything a customer sees after opening a link goes through the same checks. */
export const portalMiddlewares: MiddlewareRoute[] = [
  { method: ["GET"], matcher: "/portal", middlewares: portalPageAuth },
]

export const storePortalMiddlewares: MiddlewareRoute[] = [
  { matcher: "/store/portal/me", middlewares: portalJsonAuth },
]
