import { createHash } from "crypto"

/** What of an estimate the customer is shown and signs (the portal serializer's fields). */
export type FingerprintEstimate = {
  id: string
  number: string | null
  currency_code: string
  issue_date: Date | string
  valid_until: Date | string | null
  subtotal: unknown
  tax_total: unknown
  total: unknown
  notes: string | null
  lines: {
    title: string
    description: string | null
    quantity: unknown
    unit_price: unknown
    tax_rate: unknown
    subtotal: unknown
    tax_total: unknown
    total: unknown
  }[]
  /** The deposit asked after approval (issue #15), as shown; null or absent: none. */
  deposit?: { amount: unknown } | null
}

/** Bump when the canonical form changes, so old hashes are never compared with new ones. */
export const FINGERPRINT_FORMAT = "portal-estimate-v1"

const amount = (value: unknown) => (value == null ? null : String(value))
const date = (value: Date | string | null) => (value == null ? null : new Date(value).toISOString())

/**
 * The canonical text of an estimate as shown: number, dates, lines in display order, totals,
 * customer-visible notes and the approval terms, as JSON with a fixed key order and amounts as
 * decimal strings. Status and decision fields are left out: they change with the decision itself.
 */
export function canonicalEstimate(estimate: FingerprintEstimate, terms: string | null): string {
  return JSON.stringify({
    format: FINGERPRINT_FORMAT,
    id: estimate.id,
    number: estimate.number,
    currency_code: estimate.currency_code,
    issue_date: date(estimate.issue_date),
    valid_until: date(estimate.valid_until),
    lines: estimate.lines.map((line) => ({
      title: line.title,
      description: line.description ?? null,
      quantity: amount(line.quantity),
      unit_price: amount(line.unit_price),
      tax_rate: amount(line.tax_rate),
      subtotal: amount(line.subtotal),
      tax_total: amount(line.tax_total),
      total: amount(line.total),
    })),
    subtotal: amount(estimate.subtotal),
    tax_total: amount(estimate.tax_total),
    total: amount(estimate.total),
    notes: estimate.notes ?? null,
    terms: terms?.trim() || null,
    // Only when there is one, so the fingerprints of estimates without a deposit stay as they were.
    ...(estimate.deposit ? { deposit: amount(estimate.deposit.amount) } : {}),
  })
}

/** SHA-256 (hex) of `canonicalEstimate`: the one function that fingerprints an estimate. */
export function estimateFingerprint(estimate: FingerprintEstimate, terms: string | null): string {
  return createHash("sha256").update(canonicalEstimate(estimate, terms), "utf8").digest("hex")
}
