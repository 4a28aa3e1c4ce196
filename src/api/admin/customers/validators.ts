import { z } from "@medusajs/framework/zod"
import { SUPPORTED_LOCALES } from "../../../lib/i18n/locale"
import { textInput } from "../../../lib/text-input"

/** The customer's language; null clears it (their browser's, then the shop default). */
export const AdminSetPortalLocale = z
  .object({
    locale: z.enum(SUPPORTED_LOCALES, { error: `locale must be one of ${SUPPORTED_LOCALES.join(", ")}, or null` }).nullable(),
  })
  .strict()
export type AdminSetPortalLocaleType = z.infer<typeof AdminSetPortalLocale>

export const AdminGetPortalActivityParams = z
  .object({
    limit: z.coerce.number().int().min(1).max(100).default(20),
    offset: z.coerce.number().int().min(0).default(0),
    type: z.union([textInput("type", { max: 50 }), z.array(textInput("type", { max: 50 }))]).optional(),
  })
  .strict()
export type AdminGetPortalActivityParamsType = z.infer<typeof AdminGetPortalActivityParams>

/** The owner turns overdue reminders off (true) or on for one customer. */
export const AdminSetRemindersOptOut = z.object({ opt_out: z.boolean({ error: "opt_out must be true or false" }) }).strict()
export type AdminSetRemindersOptOutType = z.infer<typeof AdminSetRemindersOptOut>
/** The owner's "Email statement": the period, as the portal takes it (YYYY-MM-DD; the last 90 days when left out). */
export { PortalStatementQuery as AdminSendStatement } from "../../portal/validators"
export type { PortalStatementQueryType as AdminSendStatementType } from "../../portal/validators"
