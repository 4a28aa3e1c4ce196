import path from "path"
import nunjucks from "nunjucks"
import { accentPalette } from "../accent"
import { lineAmount, LINE_AMOUNT_LABEL } from "../line-amount"

/**
 * Server-rendered portal pages. Templates live in src/templates/pages (copied next to the
 * compiled code by the build), autoescaped, so customer data can never inject markup.
 */
export const PAGES_DIR = path.join(__dirname, "..", "..", "templates", "pages")

const env = new nunjucks.Environment(new nunjucks.FileSystemLoader(PAGES_DIR, { noCache: false }), {
  autoescape: true,
  throwOnUndefined: false,
})

// Building an Intl formatter costs 40–70 µs and a list page formats ~80 values: one per
// locale and currency, kept for the process (a handful of entries).
const dateFormats = new Map<string, Intl.DateTimeFormat>()
const moneyFormats = new Map<string, Intl.NumberFormat>()

function dateFormat(locale: string) {
  let format = dateFormats.get(locale)
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: "medium" })
    dateFormats.set(locale, format)
  }
  return format
}

function moneyFormat(locale: string, currency: string) {
  const key = `${locale}|${currency}`
  let format = moneyFormats.get(key)
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: "currency", currency })
    moneyFormats.set(key, format)
  }
  return format
}

/** The pages' `date` filter. */
export const formatPageDate = (value: unknown, locale = "en-US") =>
  value ? dateFormat(locale).format(new Date(value as string)) : ""

/** The pages' `money` filter. */
export const formatPageMoney = (value: unknown, currency: string, locale = "en-US") =>
  value == null ? "" : moneyFormat(locale, currency.toUpperCase()).format(Number(value))

env.addFilter("date", formatPageDate)
env.addFilter("money", formatPageMoney)
// A line's "Amount" means the same on every page, PDF and admin screen (lib/line-amount.ts).
env.addFilter("line_amount", lineAmount)
env.addGlobal("line_amount_label", LINE_AMOUNT_LABEL)

export type PageBranding = {
  business_name?: string | null
  logo_url?: string | null
  accent_color?: string | null
  support_email?: string | null
}

export function renderPage(template: string, data: Record<string, unknown>, branding: PageBranding = {}) {
  return env.render(template, {
    ...data,
    branding: {
      business_name: branding.business_name || "Customer portal",
      has_business_name: Boolean(branding.business_name),
      logo_url: branding.logo_url || null,
      // Lands in a style attribute: only plain hex colours come out (accentPalette), readable ones.
      ...accentPalette(branding.accent_color),
      support_email: branding.support_email || null,
    },
  })
}
