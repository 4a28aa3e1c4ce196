import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { renderPage } from "../../lib/pages/render"
import type { ModulePortalSettings } from "../../types/module"
import { type Translate, translator } from "../../lib/i18n"
import { csrfToken } from "./csrf-token"
import { requestLocale } from "./request-locale"
import { requestSettings } from "./request-settings"

/**
 * Headers on every portal page: the token must never leak through a Referer, pages are not
 * cached, framed or sniffed, and nothing but this origin's own resources loads.
 */
const CSP =
  "default-src 'self'; img-src 'self' https: data:; style-src 'self' 'unsafe-inline'; script-src 'self'; " +
  "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"

/** The pay page alone may load Stripe.js and its frames (the only third party the portal uses). */
export const PAY_PAGE_CSP =
  "default-src 'self'; img-src 'self' https: data:; style-src 'self' 'unsafe-inline'; " +
  "script-src 'self' https://js.stripe.com; frame-src https://js.stripe.com https://hooks.stripe.com; " +
  "connect-src 'self' https://api.stripe.com; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"

export function setPortalPageHeaders(res: MedusaResponse, csp = CSP) {
  res.setHeader("Referrer-Policy", "no-referrer")
  res.setHeader("Cache-Control", "no-store")
  res.setHeader("X-Content-Type-Options", "nosniff")
  res.setHeader("X-Frame-Options", "DENY")
  res.setHeader("Content-Security-Policy", csp)
}

export type PortalSection = "invoices" | "estimates" | "profile" | "history"

/** The navigation: only the sections the business turned on. */
export function portalNavigation(settings: ModulePortalSettings, t: Translate) {
  return [
    { section: "home", label: t("page.nav.home"), url: "/portal", on: true },
    { section: "invoices", label: t("page.nav.invoices"), url: "/portal/invoices", on: settings.allow_invoices },
    { section: "estimates", label: t("page.nav.estimates"), url: "/portal/estimates", on: settings.allow_estimates },
    { section: "history", label: t("page.nav.history"), url: "/portal/history", on: settings.allow_service_history },
    { section: "profile", label: t("page.nav.profile"), url: "/portal/profile", on: settings.allow_profile_updates },
  ].filter((item) => item.on)
}

/** The portal page of a customer's record, when it has one and its section is on (orders have none). */
export function portalPageUrl(record: { kind: "order" | "invoice" | "estimate"; id: string }, settings: ModulePortalSettings) {
  if (record.kind === "invoice" && settings.allow_invoices) {
    return `/portal/invoices/${record.id}`
  }
  if (record.kind === "estimate" && settings.allow_estimates) {
    return `/portal/estimates/${record.id}`
  }
  return null
}

export async function sendPortalPage(
  req: MedusaRequest,
  res: MedusaResponse,
  status: number,
  template: string,
  data: Record<string, unknown>,
  { csp }: { csp?: string } = {}
) {
  const [settings, locale] = await Promise.all([requestSettings(req), requestLocale(req)])
  const signedIn = Boolean((req as MedusaRequest & { portal?: unknown }).portal)
  setPortalPageHeaders(res, csp)
  // The answer depends on Accept-Language (for a customer who chose no language).
  res.vary("Accept-Language")
  res.setHeader("Content-Language", locale)
  res.status(status).type("html").send(
    renderPage(
      template,
      {
        signed_in: signedIn,
        nav: signedIn ? portalNavigation(settings, translator(locale)) : [],
        csrf: signedIn ? csrfToken(req) : null,
        path: req.path,
        ...data,
      },
      settings,
      locale
    )
  )
}

export type PortalMessage = {
  title: string
  paragraphs: string[]
  tone?: "error" | "info"
  action?: { url: string; label: string }
  link?: { url: string; label: string }
  /**
   * "Contact <business> <why>." with its support email; `button`: contacting them is the page's
   * one way forward (access turned off), so the email address becomes the button.
   */
  contact?: { why: string; button?: boolean }
}

export function renderPortalMessage(req: MedusaRequest, res: MedusaResponse, status: number, message: PortalMessage) {
  return sendPortalPage(req, res, status, "message.html.njk", { tone: status >= 400 ? "error" : "info", ...message })
}
