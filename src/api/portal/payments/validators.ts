import { z } from "@medusajs/framework/zod"
import { textInput } from "../../../lib/text-input"

// No control characters: ids go to PostgreSQL, which refuses a NUL byte.
const id = textInput("invoice_ids", { max: 100, trim: true })

/**
 * "Pay all open invoices" (and a chosen set) from the portal pages: the currency, and the
 * invoices when a set was chosen (one field or several of the same name). Checked again, with
 * everything else, by the workflow; the amount is never read from the form.
 */
export const PortalPaymentsForm = z.object({
  currency_code: textInput("currency_code", { max: 10, trim: true }).optional(),
  invoice_ids: z.union([id, z.array(id).max(100)]).optional(),
  _csrf: z.string().optional(),
})
