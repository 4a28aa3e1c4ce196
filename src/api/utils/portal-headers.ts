import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { PORTAL_MODULE } from "../../modules/portal"
import type PortalModuleService from "../../modules/portal/service"
import { setPortalPageHeaders } from "./portal-pages"

/** One year, subdomains included: only sent when the portal is served over https. */
export const HSTS = "max-age=31536000; includeSubDomains"

/** The path without the query; middlewares mounted on a prefix see a shortened `req.path`. */
export const requestPath = (req: MedusaRequest) => (req.originalUrl ?? req.url ?? "").split("?")[0]

export const isPortalPagePath = (path: string) => path === "/portal" || path.startsWith("/portal/")
export const isStorePortalPath = (path: string) => path === "/store/portal" || path.startsWith("/store/portal/")

/**
 * Headers for every response of the portal's two faces, set before any route runs so that error
 * responses (404, 403, 401, 500, JSON or page) carry them too. Express adds `X-Powered-By` at
 * the start of each request, so it is removed here rather than at the end.
 */
export function applyPortalResponseHeaders(req: MedusaRequest, res: MedusaResponse) {
  res.removeHeader("X-Powered-By")
  if (req.scope?.resolve<PortalModuleService>(PORTAL_MODULE).getPortalUrl().startsWith("https://")) {
    res.setHeader("Strict-Transport-Security", HSTS)
  }
  if (isPortalPagePath(requestPath(req))) {
    // A route may still narrow or widen them (the pay page's Content-Security-Policy).
    setPortalPageHeaders(res)
  }
}

export function portalResponseHeaders(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  applyPortalResponseHeaders(req, res)
  next()
}
