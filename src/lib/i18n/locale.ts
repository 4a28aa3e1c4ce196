/**
 * Which language a customer reads: the one rule, used by pages, JSON errors, emails and PDFs.
 * Order: the customer's own choice (set by the owner in the admin, or by the customer in Profile),
 * then the browser's Accept-Language, then the shop default from the portal settings, then English.
 */
export const SUPPORTED_LOCALES = ["en", "es"] as const
export type PortalLocale = (typeof SUPPORTED_LOCALES)[number]
export const DEFAULT_LOCALE: PortalLocale = "en"

/** Display names, each in its own language (a language picker must be readable by its speaker). */
export const LOCALE_NAMES: Record<PortalLocale, string> = { en: "English", es: "Español" }

/** "es", "ES", "es-MX", "es_419" → "es"; anything not shipped → null. */
export function supportedLocale(value: unknown): PortalLocale | null {
  if (typeof value !== "string") {
    return null
  }
  const language = value.trim().toLowerCase().split(/[-_]/)[0]
  return (SUPPORTED_LOCALES as readonly string[]).includes(language) ? (language as PortalLocale) : null
}

/**
 * The best shipped language of an Accept-Language header (RFC 9110 §12.5.4): by weight, then
 * by order; `q=0` means "not this one"; `*` is ignored (it says nothing about which language).
 */
export function localeFromAcceptLanguage(header: string | null | undefined): PortalLocale | null {
  if (!header || typeof header !== "string") {
    return null
  }
  const ranges = header
    .slice(0, 1000)
    .split(",")
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(";")
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="))
      const weight = q === undefined ? 1 : Number(q.slice(2))
      return { locale: supportedLocale(tag), weight: Number.isFinite(weight) ? weight : 0, index }
    })
    .filter((range) => range.locale && range.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index)
  return ranges[0]?.locale ?? null
}

export type LocaleInputs = {
  /** The customer's stored choice (portal access row), if any. */
  customerLocale?: string | null
  /** The request's Accept-Language header; none for emails and PDFs sent in the background. */
  acceptLanguage?: string | null
  /** `default_locale` of the portal settings. */
  shopDefault?: string | null
}

export function resolveLocale({ customerLocale, acceptLanguage, shopDefault }: LocaleInputs): PortalLocale {
  return (
    supportedLocale(customerLocale) ?? localeFromAcceptLanguage(acceptLanguage) ?? supportedLocale(shopDefault) ?? DEFAULT_LOCALE
  )
}

/**
 * The Intl locale that formats dates and money for a language. English stays "en-US", the
 * format the portal always printed ("Jan 5, 2026", "$1,234.50").
 */
export function intlLocale(locale: string): string {
  return locale === "en" ? "en-US" : locale
}
