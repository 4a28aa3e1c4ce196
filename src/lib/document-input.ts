import { MedusaError } from "@medusajs/framework/utils"
import type { ModuleDocumentLineInput } from "../types/module"
import { computeDocumentAmounts, isKnownCurrency, MAX_QUANTITY, parseAmount } from "./money"
import { controlCharacterMessage, hasControlCharacter } from "./text-input"

/** Lines per document: generous for real invoices, bounded so one request cannot explode. */
export const MAX_LINES = 500
const MAX_TITLE = 500
const MAX_TEXT = 10_000
/** Hourly rates (33.333) and fractional hours (1.25) need more than cents. */
const MAX_INPUT_DECIMALS = 4

const invalid = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)

export function requireCustomerId(value: unknown): string {
  if (typeof value !== "string" || !value.trim()) {
    throw invalid("customer_id is required: a document must be addressed to a customer")
  }
  return value.trim()
}

export function requireCurrency(value: unknown): string {
  if (typeof value !== "string" || !value.trim()) {
    throw invalid("currency_code is required")
  }
  if (!isKnownCurrency(value.trim())) {
    throw invalid(`currency_code "${value}" is not a known ISO 4217 currency`)
  }
  return value.trim().toLowerCase()
}

export function parseDate(value: unknown, field: string): Date {
  const date = value instanceof Date ? value : typeof value === "string" ? new Date(value) : null
  if (!date || Number.isNaN(date.getTime())) {
    throw invalid(`${field} must be a date, got ${JSON.stringify(value)}`)
  }
  return date
}

export function optionalDate(value: unknown, field: string): Date | null {
  return value == null ? null : parseDate(value, field)
}

export function optionalText(value: unknown, field: string, max = MAX_TEXT): string | null {
  if (value == null) {
    return null
  }
  if (typeof value !== "string") {
    throw invalid(`${field} must be text`)
  }
  if (value.length > max) {
    throw invalid(`${field} must be at most ${max} characters`)
  }
  // Module callers (workflows, scripts) get the same refusal as the HTTP validators.
  if (hasControlCharacter(value, { multiline: true })) {
    throw invalid(controlCharacterMessage(field))
  }
  return value
}

/** Validates lines and computes every line total and the document totals on the server. */
export function prepareLines(lines: unknown, currencyCode: string) {
  if (!Array.isArray(lines)) {
    throw invalid("lines must be a list")
  }
  if (lines.length > MAX_LINES) {
    throw invalid(`a document can have at most ${MAX_LINES} lines`)
  }
  const parsed = lines.map((raw: ModuleDocumentLineInput, index) => {
    const at = `lines[${index}]`
    if (!raw || typeof raw !== "object") {
      throw invalid(`${at} must be an object`)
    }
    const title = typeof raw.title === "string" ? raw.title.trim() : ""
    if (!title) {
      throw invalid(`${at}.title is required`)
    }
    if (title.length > MAX_TITLE) {
      throw invalid(`${at}.title must be at most ${MAX_TITLE} characters`)
    }
    if (hasControlCharacter(title)) {
      throw invalid(controlCharacterMessage(`${at}.title`))
    }
    const quantity = parseAmount(raw.quantity, `${at}.quantity`, {
      exclusiveMin: true,
      max: MAX_QUANTITY,
      maxDecimals: MAX_INPUT_DECIMALS,
    })
    const unit_price = parseAmount(raw.unit_price, `${at}.unit_price`, { maxDecimals: MAX_INPUT_DECIMALS })
    const tax_rate =
      raw.tax_rate == null
        ? null
        : parseAmount(raw.tax_rate, `${at}.tax_rate`, { max: 100, maxDecimals: MAX_INPUT_DECIMALS })
    return {
      title,
      description: optionalText(raw.description, `${at}.description`),
      quantity: quantity.toString(),
      unit_price: unit_price.toString(),
      tax_rate: tax_rate === null ? null : tax_rate.toString(),
      rank: index,
    }
  })
  return computeDocumentAmounts(parsed, currencyCode)
}

type StoredLine = {
  rank: number
  title: string
  description: string | null
  quantity: unknown
  unit_price: unknown
  tax_rate: unknown
}

/** Stored lines back as line input, in their stored order (to recompute, copy or restore). */
export function linesAsInput(lines: StoredLine[]): ModuleDocumentLineInput[] {
  return [...lines]
    .sort((a, b) => a.rank - b.rank)
    .map((l) => ({
      title: l.title,
      description: l.description,
      quantity: l.quantity as number,
      unit_price: l.unit_price as number,
      tax_rate: l.tax_rate as number | null,
    }))
}
