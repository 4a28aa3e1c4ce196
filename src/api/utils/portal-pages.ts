import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { renderPage } from "../../lib/pages/render"
import { PORTAL_MODULE } from "../../modules/portal"
import type PortalModuleService from "../../modules/portal/service"

/**
 * Headers on every portal page: the token must never leak through a Referer, pages are not
 * cached, framed or sniffed, and nothing but this origin's own resources loads.
 */
export function setPortalPageHeaders(res: MedusaResponse) {
  res.setHeader("Referrer-Policy", "no-referrer")
  res.setHeader("Cache-Control", "no-store")
  res.setHeader("X-Content-Type-Options", "nosniff")
  res.setHeader("X-Frame-Options", "DENY")
  res.setHeader(
    "Content-Security-Policy",
    "default-src 'self'; img-src 'self' https: data:; style-src 'self' 'unsafe-inline'; script-src 'self'; " +
      "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"
  )
}

export async function sendPortalPage(
  req: MedusaRequest,
  res: MedusaResponse,
  status: number,
  template: string,
  data: Record<string, unknown>
) {
  const settings = await req.scope.resolve<PortalModuleService>(PORTAL_MODULE).retrieveSettings()
  setPortalPageHeaders(res)
  res.status(status).type("html").send(renderPage(template, data, settings))
}

export type PortalMessage = {
  title: string
  paragraphs: string[]
  tone?: "error" | "info"
  action?: { url: string; label: string }
  link?: { url: string; label: string }
}

export function renderPortalMessage(req: MedusaRequest, res: MedusaResponse, status: number, message: PortalMessage) {
  return sendPortalPage(req, res, status, "message.html.njk", { tone: status >= 400 ? "error" : "info", ...message })
}
