import { z } from "@medusajs/framework/zod"
import { createFindParams, createOperatorMap, createSelectParams } from "@medusajs/medusa/api/utils/validators"
import { MAX_LINES } from "../../lib/document-input"
import { MAX_AMOUNT, MAX_QUANTITY } from "../../lib/money"

/**
 * Pieces shared by the invoice and estimate validators. Totals are never accepted from a
 * client: every object is strict, so a `total` field is an unknown field (400).
 */
const text = (max: number) => z.string().max(max)

export const DocumentLine = z
  .object({
    title: z.string().trim().min(1, "title is required").max(500),
    description: text(10_000).nullish(),
    quantity: z.number().positive().max(MAX_QUANTITY),
    unit_price: z.number().nonnegative().max(MAX_AMOUNT),
    tax_rate: z.number().min(0).max(100).nullish(),
  })
  .strict()

export const documentFields = {
  customer_id: z.string().trim().min(1),
  currency_code: z.string().trim().length(3).toLowerCase(),
  issue_date: z.coerce.date().optional(),
  notes: text(10_000).nullish(),
  internal_note: text(10_000).nullish(),
  metadata: z.record(z.string(), z.unknown()).nullish(),
  lines: z.array(DocumentLine).max(MAX_LINES),
}

export const GetDocumentParams = createSelectParams()

/** List params shared by both documents: pagination, `fields`, customer, q and date ranges. */
export const documentListParams = <S extends [string, ...string[]]>(statuses: S) => {
  const status = z.enum(statuses)
  return createFindParams({ limit: 20, offset: 0 }).extend({
    q: z.string().trim().max(100).optional(),
    customer_id: z.union([z.string(), z.array(z.string())]).optional(),
    status: z.union([status, z.array(status)]).optional(),
    issue_date: createOperatorMap().optional(),
    created_at: createOperatorMap().optional(),
  })
}

export { likeEscape } from "../../lib/like-escape"
