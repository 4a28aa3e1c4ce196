import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import { dayStart, defaultStatementPeriod, isoDay, StatementPeriod, whyNotStatementPeriod } from "../../lib/statement"
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

const fullName = (label: string) => textInput(label, { max: 200, trim: true })
/** The fingerprint (`document_hash`) of the estimate as the customer was shown it. */
const estimateHash = (label: string) =>
  z.string().trim().regex(/^[0-9a-f]{64}$/i, `${label} must be the document_hash of the estimate as shown (64 hex characters); reload the estimate and try again`)

/**
 * A decision from the portal pages: the optional reason, the typed full name and the terms box
 * of the confirmation step, the fingerprint and total of the estimate the page showed.
 * `_csrf` is the pages' form token.
 */
export const PortalDecision = z.object({
  note: textInput("Note", { max: 2000, multiline: true, trim: true }).optional(),
  full_name: fullName("Full name").optional(),
  // A ticked HTML checkbox sends "on"; an unticked one sends nothing.
  accept_terms: z.string().max(10).optional(),
  estimate_hash: estimateHash("The page").optional().or(z.literal("")),
  shown_total: z.string().max(40).optional(),
  _csrf: z.string().optional(),
})
export type PortalDecisionType = z.infer<typeof PortalDecision>

/** Parses a list query; unknown values fall back to the defaults rather than failing a page. */
export function parseListQuery<T extends z.ZodTypeAny>(schema: T, query: unknown): z.infer<T> {
  const parsed = schema.safeParse(query)
  return parsed.success ? parsed.data : schema.parse({})
}

/**
 * Storefront decisions, strict: the reason (`note`), the customer's typed `full_name` and
 * `accept_terms` (required on approval when the owner's settings ask for them), and the
 * `estimate_hash` (the `document_hash` of the estimate the storefront showed; recommended: a
 * changed estimate is then refused with 409 instead of being approved).
 */
export const StoreDecision = z
  .object({
    note: textInput("note", { max: 2000, multiline: true, trim: true }).nullish(),
    full_name: fullName("full_name").nullish(),
    accept_terms: z.boolean({ error: "accept_terms must be true or false" }).nullish(),
    estimate_hash: estimateHash("estimate_hash").nullish(),
  })
  .strict()
export type StoreDecisionType = z.infer<typeof StoreDecision>

/** Routes whose input is all on the server: any field sent is refused. */
export const NoBody = z.object({}).strict()

/**
 * Pay Now from a storefront: `amount` (major units) only to pay part of the amount due, where
 * the invoice allows it; without it the session asks for the whole amount due. The server
 * checks it against what is due and the invoice's minimum (a 400 says what may be paid).
 */
export const StorePaymentSession = z
  .object({ amount: z.number({ error: "amount must be a number in major units, like 25.50" }).positive().optional() })
  .strict()
export type StorePaymentSessionType = z.infer<typeof StorePaymentSession>

/**
 * Pay Now from the portal page: `amount_choice` "part" with `amount` pays part of the invoice;
 * anything else is the whole amount due (a stray `amount` is then ignored, never trusted).
 */
export const PortalPayForm = z.object({
  amount_choice: z.string().max(10).optional(),
  amount: z.string().max(40).optional(),
  _csrf: z.string().optional(),
})

/** The amount a Pay Now form asks for: undefined for the whole amount due. */
export function formPaymentAmount(body: unknown): string | undefined {
  const form = PortalPayForm.safeParse(body ?? {})
  if (!form.success || form.data.amount_choice !== "part") {
    return undefined
  }
  // An empty "other amount" is a choice the server must refuse, not the whole amount.
  return form.data.amount ?? ""
}

/** A calendar day as the date inputs and the JSON route send it; anything else is refused with an example. */
const statementDay = (label: "from" | "to") =>
  z
    .string({ error: `${label} must be a date as YYYY-MM-DD, e.g. 2026-03-31` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label} must be a date as YYYY-MM-DD, e.g. 2026-03-31`)
    .refine((day) => !Number.isNaN(dayStart(day).getTime()) && isoDay(dayStart(day)) === day, {
      message: `${label} is not a calendar date; use YYYY-MM-DD, e.g. 2026-03-31`,
    })

/**
 * The statement's period, on both faces: `from` and `to` (YYYY-MM-DD, UTC days, both included).
 * Missing: the last 90 days to today; only `to`: the 90 days to it; only `from`: from it to today.
 * Then the limits of lib/statement.ts (from ≤ to, at most 5 years, not in the future).
 */
export const PortalStatementQuery = z
  .object({ from: statementDay("from").optional(), to: statementDay("to").optional() })
  .strict()
  .transform((query, ctx): StatementPeriod => {
    const today = new Date()
    const to = query.to ?? isoDay(today)
    const period = { from: query.from ?? defaultStatementPeriod(dayStart(to)).from, to }
    const why = whyNotStatementPeriod(period, today)
    if (why) {
      ctx.addIssue({ code: "custom", message: why, input: query })
      return z.NEVER
    }
    return period
  })
export type PortalStatementQueryType = z.infer<typeof PortalStatementQuery>

/**
 * The statement's query check, on the query as sent. Not Medusa's validateAndTransformQuery: its
 * key normalising throws INVALID_ARGUMENT on a key like `a.b.c`, which its error handler answers
 * with a 500; here every refusal is a 400 that says what to do.
 */
export function validateStatementQuery(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  const parsed = PortalStatementQuery.safeParse(req.query)
  if (!parsed.success) {
    const message = parsed.error.issues.map((issue) => issue.message).join("; ")
    return next(new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: ${message}`))
  }
  req.validatedQuery = parsed.data
  next()
}
