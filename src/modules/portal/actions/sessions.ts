import type { Context } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import type { PortalSessionChannel } from "../constants"
import { ensureAccess } from "./access"
import { retrieveSettings } from "./settings"
import type { PortalDeps } from "./types"

export type PortalSessionOutcome = "ok" | "portal_disabled" | "access_disabled" | "link_revoked" | "signed_out"

/**
 * What every portal request re-checks: the portal is on, the customer's access is enabled,
 * and — for a portal session — the session was not ended and the link it came through was not
 * revoked (disabling access revokes them all). Without a session id (a storefront's own Medusa
 * customer login) only the first two apply.
 */
export async function checkPortalSession(
  deps: PortalDeps,
  customerId: string,
  sessionId: string | undefined,
  sharedContext: Context
): Promise<PortalSessionOutcome> {
  const { service } = deps
  const settings = await retrieveSettings(deps, sharedContext)
  if (!settings.enabled) {
    return "portal_disabled"
  }
  const [access] = await service.listPortalAccesses({ customer_id: customerId }, { take: 1 }, sharedContext)
  if (!access || !access.enabled) {
    return "access_disabled"
  }
  if (sessionId === undefined) {
    return "ok"
  }
  const [session] = await service.listPortalSessions({ id: sessionId, customer_id: customerId }, { take: 1 }, sharedContext)
  if (!session || session.ended_at || new Date(session.expires_at).getTime() <= Date.now()) {
    return "signed_out"
  }
  const [token] = await service.listPortalTokens({ id: session.token_id, customer_id: customerId }, { take: 1 }, sharedContext)
  if (!token || token.revoked_at) {
    return "link_revoked"
  }
  return "ok"
}

/**
 * Starts a session for a verified link: the session row, the link's last use and the
 * customer's last visit, in one transaction. The session never outlives the link.
 */
export async function startPortalSession(
  deps: PortalDeps,
  input: { token_id: string; customer_id: string; channel: PortalSessionChannel; max_seconds: number },
  sharedContext: Context
) {
  const { service } = deps
  const now = new Date()
  const [token] = await service.listPortalTokens({ id: input.token_id, customer_id: input.customer_id }, { take: 1 }, sharedContext)
  if (!token || token.revoked_at || new Date(token.expires_at).getTime() <= now.getTime()) {
    throw new MedusaError(MedusaError.Types.UNAUTHORIZED, "This portal link no longer works; ask for a new one")
  }
  const expiresAt = new Date(Math.min(new Date(token.expires_at).getTime(), now.getTime() + input.max_seconds * 1000))
  const session = await service.createPortalSessions(
    { customer_id: input.customer_id, token_id: token.id, channel: input.channel, expires_at: expiresAt },
    sharedContext
  )
  const access = await ensureAccess(deps, input.customer_id, sharedContext)
  await service.updatePortalTokens({ id: token.id, last_used_at: now }, sharedContext)
  await service.updatePortalAccesses({ id: access.id, last_opened_at: now }, sharedContext)
  return session
}

/** Ends a session (sign out); ending an ended or another customer's session changes nothing. */
export async function endPortalSession({ service }: PortalDeps, customerId: string, sessionId: string, sharedContext: Context) {
  const [session] = await service.listPortalSessions({ id: sessionId, customer_id: customerId }, { take: 1 }, sharedContext)
  if (!session || session.ended_at) {
    return { ended: false }
  }
  await service.updatePortalSessions({ id: session.id, ended_at: new Date() }, sharedContext)
  return { ended: true }
}
