import path from "path"
import nunjucks from "nunjucks"
import { accentPalette } from "../accent"
import { DEFAULT_LOCALE, formatDate, formatMoney, type PortalLocale, supportedLocale, translator } from "../i18n"
import { lineAmount } from "../line-amount"

/**
 * Server-rendered portal pages. Templates live in src/templates/pages (copied next to the
 * compiled code by the build), autoescaped, so customer data can never inject markup.
 * Every word a customer reads comes from the catalogs (src/lib/i18n): templates print
 * `{{ t("page.…") }}`, and the `date` and `money` filters format in the page's language.
 */
export const PAGES_DIR = path.join(__dirname, "..", "..", "templates", "pages")

const env = new nunjucks.Environment(new nunjucks.FileSystemLoader(PAGES_DIR, { noCache: false }), {
  autoescape: true,
  throwOnUndefined: false,
})

/** The language of the page being rendered: nunjucks calls filters with the render context as `this`. */
function contextLocale(context: unknown): PortalLocale {
  return supportedLocale((context as { ctx?: { locale?: unknown } } | undefined)?.ctx?.locale) ?? DEFAULT_LOCALE
}

/** The pages' `date` filter. */
export const formatPageDate = (value: unknown, locale: string = DEFAULT_LOCALE) => formatDate(value, locale)

/** The pages' `money` filter. */
export const formatPageMoney = (value: unknown, currency: string, locale: string = DEFAULT_LOCALE) =>
  formatMoney(value == null ? value : Number(value), currency, locale)

env.addFilter("date", function (this: unknown, value: unknown) {
  return formatPageDate(value, contextLocale(this))
})
env.addFilter("money", function (this: unknown, value: unknown, currency: string) {
  return formatPageMoney(value, currency, contextLocale(this))
})
// A line's "Amount" means the same on every page, PDF and admin screen (lib/line-amount.ts).
env.addFilter("line_amount", lineAmount)

export type PageBranding = {
  business_name?: string | null
  logo_url?: string | null
  accent_color?: string | null
  support_email?: string | null
}

export function renderPage(
  template: string,
  data: Record<string, unknown>,
  branding: PageBranding = {},
  locale: PortalLocale = DEFAULT_LOCALE
) {
  const t = translator(locale)
  return env.render(template, {
    ...data,
    locale,
    t,
    branding: {
      business_name: branding.business_name || t("page.layout.brand_fallback"),
      has_business_name: Boolean(branding.business_name),
      logo_url: branding.logo_url || null,
      // Lands in a style attribute: only plain hex colours come out (accentPalette), readable ones.
      ...accentPalette(branding.accent_color),
      support_email: branding.support_email || null,
    },
  })
}
