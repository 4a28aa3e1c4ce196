import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { authenticate, getAuthContextFromJwtToken } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { verifyingKey } from "./jwt-keys"

type AuthType = "session" | "bearer"
type Options = Parameters<typeof authenticate>[2]
type Secret = Parameters<typeof getAuthContextFromJwtToken>[1]
type AuthContext = { actor_id?: string; actor_type?: string; mfa_enabled?: boolean }

/**
 * Medusa's `authenticate`, with a fast path for the common case: a Bearer token that verifies
 * with the cached key and names a permitted actor is accepted here, by Medusa's own
 * `getAuthContextFromJwtToken` (same options, same checks). Everything else (a session, no or a
 * bad token, an MFA-enabled identity) goes to Medusa's middleware unchanged, so refusals and
 * sessions behave exactly as before.
 */
export function portalAuthenticate(actorTypes: string | string[], authTypes: AuthType[], options?: Options) {
  const actors = Array.isArray(actorTypes) ? actorTypes : [actorTypes]
  const medusa = authenticate(actorTypes, authTypes, options)
  return (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => {
    const header = req.headers.authorization
    const sessionContext = (req as MedusaRequest & { session?: { auth_context?: AuthContext } }).session?.auth_context
    // Medusa prefers a session over a token: leave that case to it.
    const sessionWins = authTypes.includes("session") && !!sessionContext && actors.includes(String(sessionContext.actor_type))
    if (header && authTypes.includes("bearer") && !sessionWins) {
      const { http } = req.scope.resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig
      const context = getAuthContextFromJwtToken(
        header,
        verifyingKey(http.jwtPublicKey ?? http.jwtSecret!) as Secret,
        authTypes,
        actors,
        undefined,
        http.jwtVerifyOptions ?? http.jwtOptions
      ) as AuthContext | null
      if (context?.actor_id && !context.mfa_enabled) {
        ;(req as MedusaRequest & { auth_context?: AuthContext }).auth_context = context
        return next()
      }
    }
    return medusa(req, res, next)
  }
}
