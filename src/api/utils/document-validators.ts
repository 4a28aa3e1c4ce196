import { z } from "@medusajs/framework/zod"
import { createFindParams, createSelectParams } from "@medusajs/medusa/api/utils/validators"
import { MAX_LINES } from "../../lib/document-input"
import { MAX_AMOUNT, MAX_QUANTITY } from "../../lib/money"
import { controlCharacterMessage, jsonHasNul, textInput } from "../../lib/text-input"

/**
 * Pieces shared by the invoice and estimate validators. Totals are never accepted from a
 * client: every object is strict, so a `total` field is an unknown field (400).
 */
const multiline = (label: string) => textInput(label, { max: 10_000, multiline: true })
/** Ids and codes: no control characters either (a NUL in a query parameter reached PostgreSQL). */
const id = (label: string) => textInput(label, { max: 100, trim: true })

export const DocumentLine = z
  .object({
    title: textInput("Line title", { max: 500, trim: true }).min(1, "Line title is required"),
    description: multiline("Line description").nullish(),
    quantity: z.number().positive().max(MAX_QUANTITY),
    unit_price: z.number().nonnegative().max(MAX_AMOUNT),
    tax_rate: z.number().min(0).max(100).nullish(),
  })
  .strict()

export const documentFields = {
  customer_id: id("customer_id").min(1),
  currency_code: z.string().trim().length(3).toLowerCase(),
  issue_date: z.coerce.date().optional(),
  notes: multiline("notes").nullish(),
  internal_note: multiline("internal_note").nullish(),
  metadata: z
    .record(z.string(), z.unknown())
    .refine((v) => !jsonHasNul(v), controlCharacterMessage("metadata"))
    .nullish(),
  lines: z.array(DocumentLine).max(MAX_LINES),
}

export const GetDocumentParams = createSelectParams()

/** Fields a document list can be ordered by (`-` for descending): anything else is a 400, not a crash. */
const SORTABLE = ["display_number", "status", "issue_date", "due_date", "valid_until", "total", "created_at", "updated_at", "sent_at"]
const ORDER = new RegExp(`^-?(${SORTABLE.join("|")})$`)

/** An ISO 8601 date or date-time only: `new Date()` alone also reads "'1'='1" as a date. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/
const isoDate = () =>
  z
    .string()
    .regex(ISO_DATE, "Dates must be ISO 8601, like 2026-12-01 or 2026-12-01T09:30:00Z")
    .pipe(z.coerce.date())

/** A date, or a range of dates (`issue_date[$gte]=…`): values that are not ISO dates are a 400. */
export const dateFilter = () =>
  z.union([
    isoDate(),
    z.object({ $eq: isoDate(), $gt: isoDate(), $gte: isoDate(), $lt: isoDate(), $lte: isoDate() }).partial().strict(),
  ])

/** List params shared by both documents: pagination, `fields`, customer, q and date ranges. */
export const documentListParams = <S extends [string, ...string[]]>(statuses: S) => {
  const status = z.enum(statuses)
  return createFindParams({ limit: 20, offset: 0 }).extend({
    offset: z.coerce.number().int().min(0, "offset must be 0 or more").default(0),
    limit: z.coerce.number().int().min(1, "limit must be 1 or more").max(200, "limit must be 200 or less").default(20),
    // Medusa's own `order` takes any string; an unknown field crashed the query.
    order: z
      .string()
      .regex(ORDER, `order must be one of ${SORTABLE.join(", ")}, optionally prefixed with "-"`)
      .optional(),
    q: textInput("q", { max: 100, trim: true }).optional(),
    customer_id: z.union([id("customer_id"), z.array(id("customer_id"))]).optional(),
    status: z.union([status, z.array(status)]).optional(),
    issue_date: dateFilter().optional(),
    created_at: dateFilter().optional(),
  })
}

export { likeEscape } from "../../lib/like-escape"
