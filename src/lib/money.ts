import { BigNumber, MathBN, MedusaError } from "@medusajs/framework/utils"
import type { BigNumberInput } from "@medusajs/framework/types"

/** bignumber.js rounding mode: half away from zero, as on a paper invoice. */
const ROUND_HALF_UP = 4

/** Largest unit price or quantity accepted, so every total stays far inside JS number precision. */
export const MAX_AMOUNT = 1_000_000_000_000
export const MAX_QUANTITY = 1_000_000_000

const supportedCurrencies = new Set(Intl.supportedValuesOf("currency").map((c) => c.toLowerCase()))

/** ISO 4217 codes known to the runtime (lower-case, as Medusa stores them). */
export function isKnownCurrency(code: unknown): code is string {
  return typeof code === "string" && supportedCurrencies.has(code.toLowerCase())
}

const decimalsByCurrency = new Map<string, number>()

/** Minor-unit digits of a currency: 2 for EUR, 0 for JPY, 3 for KWD. */
export function currencyDecimals(currencyCode: string): number {
  const code = currencyCode.toUpperCase()
  let decimals = decimalsByCurrency.get(code)
  if (decimals === undefined) {
    // Building an Intl.NumberFormat costs ~15 µs; totals ask twice per line.
    decimals = new Intl.NumberFormat("en", { style: "currency", currency: code }).resolvedOptions().maximumFractionDigits!
    decimalsByCurrency.set(code, decimals)
  }
  return decimals
}

export function roundToCurrency(value: BigNumberInput, currencyCode: string) {
  return MathBN.convert(value).decimalPlaces(currencyDecimals(currencyCode), ROUND_HALF_UP)
}

export type LineAmountsInput = {
  quantity: BigNumberInput
  unit_price: BigNumberInput
  tax_rate?: BigNumberInput | null
}

export type LineAmounts = {
  subtotal: BigNumber
  tax_total: BigNumber
  total: BigNumber
}

/**
 * Totals of one line: quantity × unit price and its tax, each rounded to the currency's precision
 * so that the sum of the lines is exactly what the customer is asked to pay.
 */
export function computeLineAmounts(line: LineAmountsInput, currencyCode: string): LineAmounts {
  const subtotal = roundToCurrency(MathBN.mult(line.quantity, line.unit_price), currencyCode)
  const rate = line.tax_rate == null ? 0 : line.tax_rate
  const tax = roundToCurrency(MathBN.div(MathBN.mult(subtotal, rate), 100), currencyCode)
  return {
    subtotal: new BigNumber(subtotal),
    tax_total: new BigNumber(tax),
    total: new BigNumber(MathBN.add(subtotal, tax)),
  }
}

export type DocumentAmounts<L> = LineAmounts & { lines: (L & LineAmounts)[] }

export function computeDocumentAmounts<L extends LineAmountsInput>(
  lines: L[],
  currencyCode: string
): DocumentAmounts<L> {
  const withTotals = lines.map((line) => ({ ...line, ...computeLineAmounts(line, currencyCode) }))
  return {
    lines: withTotals,
    subtotal: new BigNumber(MathBN.sum(0, ...withTotals.map((l) => l.subtotal))),
    tax_total: new BigNumber(MathBN.sum(0, ...withTotals.map((l) => l.tax_total))),
    total: new BigNumber(MathBN.sum(0, ...withTotals.map((l) => l.total))),
  }
}

/** What is still owed: never negative, even after an overpayment. */
export function openAmount(total: BigNumberInput, amountPaid: BigNumberInput) {
  return new BigNumber(MathBN.max(0, MathBN.sub(total, amountPaid)))
}

/**
 * Reads a decimal amount given as a number or a numeric string, or throws a MedusaError that
 * names the field. Rejects NaN, infinities, exponents and more decimals than `maxDecimals`.
 */
export function parseAmount(
  value: unknown,
  field: string,
  { min = 0, exclusiveMin = false, max = MAX_AMOUNT, maxDecimals }: {
    min?: number
    exclusiveMin?: boolean
    max?: number
    maxDecimals?: number
  } = {}
) {
  const text = typeof value === "number" ? (Number.isFinite(value) ? String(value) : "") : value
  if (typeof text !== "string" || !/^-?\d+(\.\d+)?$/.test(text.trim())) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `${field} must be a number, got ${JSON.stringify(value)}`)
  }
  const amount = MathBN.convert(text.trim())
  if (exclusiveMin ? amount.lte(min) : amount.lt(min)) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `${field} must be ${exclusiveMin ? "greater than" : "at least"} ${min}, got ${text}`
    )
  }
  if (amount.gt(max)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `${field} must be at most ${max}, got ${text}`)
  }
  if (maxDecimals !== undefined && (amount.decimalPlaces() ?? 0) > maxDecimals) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `${field} has more than ${maxDecimals} decimal places: ${text}`
    )
  }
  return amount
}
