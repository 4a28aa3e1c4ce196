import { z } from "@medusajs/framework/zod"

export const AdminGetPortalActivityParams = z
  .object({
    limit: z.coerce.number().int().min(1).max(100).default(20),
    offset: z.coerce.number().int().min(0).default(0),
    type: z.union([z.string(), z.array(z.string())]).optional(),
  })
  .strict()
export type AdminGetPortalActivityParamsType = z.infer<typeof AdminGetPortalActivityParams>
