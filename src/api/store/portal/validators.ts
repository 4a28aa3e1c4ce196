import { z } from "@medusajs/framework/zod"

/**
 * Any non-empty text is a token to check: a wrong one, whatever its length, is a failed open
 * (logged and counted per address) as it is on the link page, not a malformed request.
 */
export const StorePortalAuth = z.object({ token: z.string().min(1).max(2048) }).strict()
export type StorePortalAuthType = z.infer<typeof StorePortalAuth>

/** The customer turns overdue payment reminders off (true) or on. */
export const StoreRemindersOptOut = z.object({ opt_out: z.boolean({ error: "opt_out must be true or false" }) }).strict()
export type StoreRemindersOptOutType = z.infer<typeof StoreRemindersOptOut>
