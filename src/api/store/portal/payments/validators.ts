import { z } from "@medusajs/framework/zod"
import { textInput } from "../../../../lib/text-input"

/**
 * One payment for several of the customer's invoices: a chosen set (`invoice_ids`, in their own
 * currency unless `currency_code` says), or every open invoice in `currency_code` when left out. One payment is one currency. The amount is never
 * taken from the request: it is the sum of what the invoices still ask for.
 */
export const StorePortalPayment = z
  .object({
    currency_code: z
      .string({ error: 'currency_code is required: the currency of the invoices to pay, like "eur"' })
      .regex(/^[A-Za-z]{3}$/, { error: 'currency_code must be a three-letter ISO 4217 code, like "eur"' })
      .optional(),
    invoice_ids: z
      // No control characters: an id goes to PostgreSQL, which refuses a NUL byte.
      .array(textInput("invoice_ids", { max: 100, trim: true }).min(1), { error: "invoice_ids must be a list of invoice ids" })
      .min(1)
      .max(100)
      .optional(),
  })
  .strict()
export type StorePortalPaymentType = z.infer<typeof StorePortalPayment>
