import { validateAndTransformQuery } from "@medusajs/framework/http"
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"

type QueryConfig = Parameters<typeof validateAndTransformQuery>[1]

/**
 * Medusa's `validateAndTransformQuery`, answering 400 for every query it refuses. Medusa refuses a
 * key nested more than two levels (`a.b.c=1`) with an INVALID_ARGUMENT error, which its error
 * handler answers with 500; the bad-input suite found it on the portal's list routes.
 */
export function validatePortalQuery(schema: Parameters<typeof validateAndTransformQuery>[0], config: QueryConfig) {
  const validate = validateAndTransformQuery(schema, config)
  return (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) =>
    validate(req, res, (err?: unknown) => {
      if (err && MedusaError.isMedusaError(err) && (err as MedusaError).type === MedusaError.Types.INVALID_ARGUMENT) {
        return next(
          new MedusaError(
            MedusaError.Types.INVALID_DATA,
            `${(err as MedusaError).message}. Query parameters take at most one dot (e.g. created_at.gte); remove or rename that parameter`
          )
        )
      }
      return err ? next(err as Error) : next()
    })
}
