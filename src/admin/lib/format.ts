import type { AdminCustomerSummary, AdminAmount } from "../../types/http"

/** Minor-unit digits of a currency (2 for EUR, 0 for JPY), as the server rounds them. */
export function currencyDecimals(currencyCode: string): number {
  try {
    return new Intl.NumberFormat("en", { style: "currency", currency: currencyCode.toUpperCase() }).resolvedOptions()
      .maximumFractionDigits!
  } catch {
    return 2
  }
}

export function isKnownCurrency(code: string) {
  if (!/^[a-z]{3}$/i.test(code)) {
    return false
  }
  try {
    new Intl.NumberFormat("en", { style: "currency", currency: code.toUpperCase() })
    return true
  } catch {
    return false
  }
}

/** Amounts come from the server in major units (19.99), never cents. */
export function formatMoney(amount: AdminAmount | null | undefined, currencyCode: string) {
  const value = Number(amount ?? 0)
  try {
    return new Intl.NumberFormat(undefined, { style: "currency", currency: currencyCode.toUpperCase() }).format(value)
  } catch {
    return `${value.toFixed(2)} ${currencyCode.toUpperCase()}`
  }
}

export function formatDate(value: string | Date | null | undefined, empty = "-") {
  if (!value) {
    return empty
  }
  return new Date(value).toLocaleDateString(undefined, { year: "numeric", month: "short", day: "numeric" })
}

export function formatDateTime(value: string | Date | null | undefined, empty = "-") {
  if (!value) {
    return empty
  }
  return new Date(value).toLocaleString(undefined, {
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  })
}

/** `YYYY-MM-DD` for an `<input type="date">`, in the browser's time zone. */
export function toDateInput(value: string | Date | null | undefined) {
  if (!value) {
    return ""
  }
  const d = new Date(value)
  const pad = (n: number) => String(n).padStart(2, "0")
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

/** An `<input type="date">` value as an ISO date at noon UTC, so no time zone moves the day. */
export function fromDateInput(value: string): string | null {
  return value ? `${value}T12:00:00.000Z` : null
}

export function customerName(customer: AdminCustomerSummary | null | undefined, fallback = "-") {
  if (!customer) {
    return fallback
  }
  const name = [customer.first_name, customer.last_name].filter(Boolean).join(" ")
  return name || customer.company_name || customer.email || fallback
}

/** Half-up rounding (0.125 → 0.13, like the server), nudged past binary float error (1.005 → 1.01). */
export function roundHalfUp(value: number, decimals: number) {
  const factor = 10 ** decimals
  return Math.round((Math.abs(value) * factor) * (1 + Number.EPSILON)) / factor * Math.sign(value)
}

export type DraftLineAmounts = { subtotal: number; tax: number; total: number }

/**
 * A preview of one line's amounts while the owner types. Display only: the server computes the
 * stored totals with exact decimals and the same rounding (each line's amount and tax rounded to
 * the currency's precision).
 */
export function previewLine(
  line: { quantity: string | number; unit_price: string | number; tax_rate?: string | number | null },
  currencyCode: string
): DraftLineAmounts {
  const decimals = currencyDecimals(currencyCode || "usd")
  const quantity = Number(line.quantity) || 0
  const unitPrice = Number(line.unit_price) || 0
  const rate = line.tax_rate === "" || line.tax_rate == null ? 0 : Number(line.tax_rate) || 0
  const subtotal = roundHalfUp(quantity * unitPrice, decimals)
  const tax = roundHalfUp((subtotal * rate) / 100, decimals)
  return { subtotal, tax, total: roundHalfUp(subtotal + tax, decimals) }
}

export function previewTotals(lines: Parameters<typeof previewLine>[0][], currencyCode: string) {
  const decimals = currencyDecimals(currencyCode || "usd")
  const sum = lines.map((l) => previewLine(l, currencyCode)).reduce(
    (acc, l) => ({ subtotal: acc.subtotal + l.subtotal, tax: acc.tax + l.tax, total: acc.total + l.total }),
    { subtotal: 0, tax: 0, total: 0 }
  )
  return {
    subtotal: roundHalfUp(sum.subtotal, decimals),
    tax: roundHalfUp(sum.tax, decimals),
    total: roundHalfUp(sum.total, decimals),
  }
}
