import { MedusaError } from "@medusajs/framework/utils"
import { optionalText, parseDate, requireCurrency, requireCustomerId } from "../../../lib/document-input"

export type DocumentHeaderInput = {
  customer_id?: unknown
  currency_code?: unknown
  issue_date?: unknown
  notes?: unknown
  internal_note?: unknown
  metadata?: Record<string, unknown> | null
}

/**
 * The generated create / update signatures type big numbers as `number` and reject nullable
 * dates; at run time they take BigNumber values and Dates, which keep full precision.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const dmlInput = (data: object): any => data

/** The header fields shared by invoices and estimates, checked and normalised. */
export function prepareHeader(input: DocumentHeaderInput) {
  return {
    customer_id: requireCustomerId(input.customer_id),
    currency_code: requireCurrency(input.currency_code),
    issue_date: input.issue_date == null ? new Date() : parseDate(input.issue_date, "issue_date"),
    notes: optionalText(input.notes, "notes"),
    internal_note: optionalText(input.internal_note, "internal_note"),
    metadata: input.metadata ?? null,
  }
}

export function assertNotBefore(date: Date | string | null | undefined, issueDate: Date, field: string) {
  if (date != null && new Date(date).getTime() < issueDate.getTime()) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `${field} cannot be before issue_date`)
  }
}

export function stripUndefined<T extends object>(input: T): Partial<T> {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as Partial<T>
}
