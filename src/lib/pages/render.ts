import path from "path"
import nunjucks from "nunjucks"

/**
 * Server-rendered portal pages. Templates live in src/templates/pages (copied next to the
 * compiled code by the build), autoescaped, so customer data can never inject markup.
 */
export const PAGES_DIR = path.join(__dirname, "..", "..", "templates", "pages")

const env = new nunjucks.Environment(new nunjucks.FileSystemLoader(PAGES_DIR, { noCache: false }), {
  autoescape: true,
  throwOnUndefined: false,
})

env.addFilter("date", (value: unknown, locale = "en-US") =>
  value ? new Intl.DateTimeFormat(locale, { dateStyle: "medium" }).format(new Date(value as string)) : ""
)
env.addFilter("money", (value: unknown, currency: string, locale = "en-US") =>
  value == null ? "" : new Intl.NumberFormat(locale, { style: "currency", currency: currency.toUpperCase() }).format(Number(value))
)

export type PageBranding = {
  business_name?: string | null
  logo_url?: string | null
  accent_color?: string | null
  support_email?: string | null
}

const HEX_COLOUR = /^#[0-9a-fA-F]{6}$/

export function renderPage(template: string, data: Record<string, unknown>, branding: PageBranding = {}) {
  return env.render(template, {
    ...data,
    branding: {
      business_name: branding.business_name || "Customer portal",
      logo_url: branding.logo_url || null,
      // Lands in a style attribute: only a plain hex colour is let through.
      accent_color: branding.accent_color && HEX_COLOUR.test(branding.accent_color) ? branding.accent_color : "#2563eb",
      support_email: branding.support_email || null,
    },
  })
}
