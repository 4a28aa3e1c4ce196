import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"

const LINK_PATH = /^(\/portal\/access\/)[^/?#]+/

/**
 * Medusa's request logger (morgan) writes `req.originalUrl` when the response finishes, at the
 * default log level: a live magic-link token would land in every log pipeline. The path the log
 * sees is rewritten before the route runs; routing uses `req.url`, so nothing else changes.
 */
export function redactLinkToken(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  req.originalUrl = req.originalUrl.replace(LINK_PATH, "$1[redacted]")
  next()
}
