import { z } from "@medusajs/framework/zod"

export const StorePortalAuth = z.object({ token: z.string().min(1).max(200) }).strict()
export type StorePortalAuthType = z.infer<typeof StorePortalAuth>
