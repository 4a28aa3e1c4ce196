import { countryName, formatAddressLines, type PostalAddress } from "../address"
import { intlLocale } from "./locale"

/*
 * Dates, money and addresses in a customer's language (a catalog language, "en" / "es", or any
 * BCP 47 tag: "de-DE"). Building an Intl formatter costs
 * 40–70 µs and a list page formats ~80 values: one per locale, style and currency, kept for the
 * process (a handful of entries).
 */
const dateFormats = new Map<string, Intl.DateTimeFormat>()
const moneyFormats = new Map<string, Intl.NumberFormat>()

export type DateStyle = "medium" | "long"

function dateFormat(locale: string, style: DateStyle, timeZone?: string) {
  const key = `${locale}|${style}|${timeZone ?? ""}`
  let format = dateFormats.get(key)
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: style, ...(timeZone ? { timeZone } : {}) })
    dateFormats.set(key, format)
  }
  return format
}

function moneyFormat(locale: string, currency: string) {
  const key = `${locale}|${currency}`
  let format = moneyFormats.get(key)
  if (!format) {
    format = new Intl.NumberFormat(intlLocale(locale), { style: "currency", currency })
    moneyFormats.set(key, format)
  }
  return format
}

/** "Jan 5, 2026" / "5 ene 2026"; "" for no date. */
export function formatDate(value: unknown, locale: string, style: DateStyle = "medium", timeZone?: string) {
  return value ? dateFormat(locale, style, timeZone).format(value instanceof Date ? value : new Date(value as string)) : ""
}

/** "$1,234.50" / "1234,50 US$"; "" for no amount. A decimal string is formatted exactly. */
export function formatMoney(value: unknown, currency: string, locale: string) {
  return value == null ? "" : moneyFormat(locale, currency.toUpperCase()).format(typeof value === "string" ? (value as unknown as number) : Number(value))
}

/** The address lines in the country's order, its country named in the reader's language. */
export function formatAddress(address: PostalAddress | null | undefined, locale: string): string[] {
  return formatAddressLines(address, (code) => countryName(code, locale))
}
