import { validateAndTransformBody } from "@medusajs/framework/http"
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import type { z } from "zod"

/**
 * Medusa's `validateAndTransformBody`, answering 400 for every body it refuses. Medusa's message
 * prints the value it received, and printing one that cannot be printed (`{"toString": false}`)
 * throws a TypeError that its error handler answers with 500; the bad-input suite found it on
 * the statement route. Then the message names the fields and what they need, without the value.
 */
export function validatePortalBody(schema: z.ZodType) {
  const validate = validateAndTransformBody(schema as Parameters<typeof validateAndTransformBody>[0])
  return (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) =>
    validate(req, res, (err?: unknown) => {
      if (!err) {
        return next()
      }
      if (MedusaError.isMedusaError(err)) {
        return next(err as Error)
      }
      const parsed = schema.safeParse(req.body)
      const why = parsed.success
        ? "the body could not be read"
        : parsed.error.issues.map((issue) => `${issue.path.join(".") || "body"}: ${issue.message}`).join("; ")
      return next(new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: ${why}`))
    })
}
