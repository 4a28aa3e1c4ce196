import { z } from "@medusajs/framework/zod"
import { textInput } from "../../lib/text-input"

/** Rows per list page unless the request asks for another size (pager links leave it out). */
export const DEFAULT_PAGE_SIZE = 20

const page = {
  limit: z.coerce.number().int().min(1).max(100).default(DEFAULT_PAGE_SIZE),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
}

export const PortalInvoicesQuery = z.object({ status: z.enum(["unpaid", "overdue", "paid"]).optional(), ...page })
export type PortalInvoicesQueryType = z.infer<typeof PortalInvoicesQuery>

export const PortalEstimatesQuery = z.object({ status: z.enum(["pending", "accepted", "rejected"]).optional(), ...page })
export type PortalEstimatesQueryType = z.infer<typeof PortalEstimatesQuery>

/** The optional reason a customer gives with a decision. `_csrf` is the pages' form token. */
export const PortalDecision = z.object({
  note: textInput("Note", { max: 2000, multiline: true, trim: true }).optional(),
  _csrf: z.string().optional(),
})
export type PortalDecisionType = z.infer<typeof PortalDecision>

/** Parses a list query; unknown values fall back to the defaults rather than failing a page. */
export function parseListQuery<T extends z.ZodTypeAny>(schema: T, query: unknown): z.infer<T> {
  const parsed = schema.safeParse(query)
  return parsed.success ? parsed.data : schema.parse({})
}

/** Storefront decisions: the note only, strict. */
export const StoreDecision = z.object({ note: textInput("note", { max: 2000, multiline: true, trim: true }).nullish() }).strict()

/** Routes whose input is all on the server (Pay Now): any field sent, like an amount, is refused. */
export const NoBody = z.object({}).strict()
