import { z } from "@medusajs/framework/zod"
import { createFindParams, createOperatorMap, createSelectParams } from "@medusajs/medusa/api/utils/validators"
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

/** List params shared by both documents: pagination, `fields`, customer, q and date ranges. */
export const documentListParams = <S extends [string, ...string[]]>(statuses: S) => {
  const status = z.enum(statuses)
  return createFindParams({ limit: 20, offset: 0 }).extend({
    // Medusa's own `order` takes any string; a NUL in it reached PostgreSQL.
    order: textInput("order", { max: 100, trim: true }).optional(),
    q: textInput("q", { max: 100, trim: true }).optional(),
    customer_id: z.union([id("customer_id"), z.array(id("customer_id"))]).optional(),
    status: z.union([status, z.array(status)]).optional(),
    issue_date: createOperatorMap().optional(),
    created_at: createOperatorMap().optional(),
  })
}

export { likeEscape } from "../../lib/like-escape"
