import type { MedusaError } from "@medusajs/framework/utils"
import { invalidDataError } from "./on-demand"
import type { PdfAmount, PdfDate, PdfRenderOptions } from "./types"
import { type Translate, translator } from "../i18n/translate"

const DEFAULT_LOCALE = "en-US"
const DEFAULT_TIME_ZONE = "UTC"
const DECIMAL = /^-?\d+(\.\d+)?$/

export function invalidPdfData(message: string): MedusaError {
  return invalidDataError(`renderDocumentPdf: ${message}`)
}

// Same fallbacks as the emails: a customer's stored locale or zone may be anything, and an
// unknown one must not stop a download.
function resolveLocale(locale: string | undefined): string {
  try {
    return locale && Intl.DateTimeFormat.supportedLocalesOf([locale]).length ? locale : DEFAULT_LOCALE
  } catch {
    return DEFAULT_LOCALE
  }
}

function resolveTimeZone(timeZone: string | undefined): string {
  try {
    return timeZone ? new Intl.DateTimeFormat(DEFAULT_LOCALE, { timeZone }).resolvedOptions().timeZone : DEFAULT_TIME_ZONE
  } catch {
    return DEFAULT_TIME_ZONE
  }
}

function decimal(field: string, value: PdfAmount | null | undefined): string {
  const text = typeof value === "number" ? (Number.isFinite(value) ? String(value) : "") : typeof value === "string" ? value.trim() : ""
  // String(1e21) has an exponent: refused like any other non-decimal.
  if (!DECIMAL.test(text)) {
    throw invalidPdfData(`${field} must be a number in major units (19.99), got ${JSON.stringify(value)}`)
  }
  return text
}

/** Everything the templates print that depends on locale, time zone or currency. */
export type PdfFormatter = {
  /** The amount as a validated decimal string, for arithmetic. */
  decimal(field: string, value: PdfAmount | null | undefined): string
  money(field: string, value: PdfAmount | null | undefined): string
  quantity(field: string, value: PdfAmount | null | undefined): string
  /** "20%", or "" when there is no rate. */
  taxRate(field: string, value: PdfAmount | null | undefined): string
  /** Throws on a missing or invalid date. */
  parseDate(field: string, value: PdfDate | null | undefined): Date
  /** "January 5, 2025", or "" when missing. */
  date(field: string, value: PdfDate | null | undefined): string
  /** The document's words in the locale's language (the catalogs' `pdf.*`; English when not shipped). */
  t: Translate
}

export function createPdfFormatter(currencyCode: unknown, options: PdfRenderOptions = {}): PdfFormatter {
  const locale = resolveLocale(options.locale)
  const timeZone = resolveTimeZone(options.time_zone)
  let currency: Intl.NumberFormat
  try {
    currency = new Intl.NumberFormat(locale, { style: "currency", currency: String(currencyCode).toUpperCase() })
  } catch {
    throw invalidPdfData(`currency_code ${JSON.stringify(currencyCode)} is not an ISO 4217 currency`)
  }
  const quantity = new Intl.NumberFormat(locale, { maximumFractionDigits: 6 })
  const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 4 })
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone })

  const parseDate = (field: string, value: PdfDate | null | undefined) => {
    const date = value instanceof Date ? value : typeof value === "string" && value.trim() ? new Date(value) : null
    if (!date || Number.isNaN(date.getTime())) {
      throw invalidPdfData(`${field} must be a date, got ${JSON.stringify(value)}`)
    }
    return date
  }

  return {
    t: translator(options.locale),
    decimal,
    // Decimal strings go to Intl as strings (NumberFormat v3): formatted exactly, no float round trip.
    money: (field, value) => currency.format(decimal(field, value) as unknown as number),
    quantity: (field, value) => quantity.format(decimal(field, value) as unknown as number),
    taxRate: (field, value) =>
      value === null || value === undefined || value === "" ? "" : percent.format(Number(decimal(field, value)) / 100),
    parseDate,
    date: (field, value) => (value === null || value === undefined || value === "" ? "" : dates.format(parseDate(field, value))),
  }
}
