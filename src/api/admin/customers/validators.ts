import { z } from "@medusajs/framework/zod"
import { textInput } from "../../../lib/text-input"

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
