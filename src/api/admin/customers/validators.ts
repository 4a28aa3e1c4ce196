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

/** The owner's "Email statement": the period, as the portal takes it (YYYY-MM-DD; the last 90 days when left out). */
export { PortalStatementQuery as AdminSendStatement } from "../../portal/validators"
export type { PortalStatementQueryType as AdminSendStatementType } from "../../portal/validators"
