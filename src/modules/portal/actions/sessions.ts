import type { Context } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import type { ModulePortalSettings } from "../../../types/module"
import { PORTAL_SETTINGS_ID, PortalSessionChannel } from "../constants"
import { PORTAL_REQUEST_EXTRA_COLUMNS, PortalRequestRow } from "../repositories/portal-sql"
import { ensureAccess } from "./access"
import { retrieveSettings } from "./settings"
import type { PortalDeps } from "./types"

export type PortalSessionOutcome = "ok" | "portal_disabled" | "access_disabled" | "link_revoked" | "signed_out"

/** The outcome of a request's checks, with the settings row they read (one read per request). */
export type PortalRequestCheck = { outcome: PortalSessionOutcome; settings: ModulePortalSettings }

/**
 * What every portal request re-checks: the portal is on, the customer's access is enabled,
 * and — for a portal session — the session was not ended and the link it came through was not
 * revoked (disabling access revokes them all). Without a session id (a storefront's own Medusa
 * customer login) only the first two apply. One SQL statement reads all of it; the settings it
 * read come back with the outcome, so the rest of the request does not read them again.
 */
export async function checkPortalRequest(
  deps: PortalDeps,
  customerId: string,
  sessionId: string | undefined,
  sharedContext: Context
): Promise<PortalRequestCheck> {
  let row = await deps.sql.portalRequestState(PORTAL_SETTINGS_ID, customerId, sessionId ?? null, sharedContext)
  if (!row) {
    // The settings row is missing (see retrieveSettings): created once, then read again.
    await retrieveSettings(deps, sharedContext)
    row = await deps.sql.portalRequestState(PORTAL_SETTINGS_ID, customerId, sessionId ?? null, sharedContext)
  }
  if (!row) {
    throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, "Portal settings could not be read")
  }
  const settings = { ...row } as Record<string, unknown>
  for (const column of PORTAL_REQUEST_EXTRA_COLUMNS) {
    delete settings[column]
  }
  return { outcome: portalSessionOutcome(row, sessionId), settings: settings as unknown as ModulePortalSettings }
}

/** The rule itself, on the row `portalRequestState` read. */
export function portalSessionOutcome(row: PortalRequestRow, sessionId: string | undefined, now = Date.now()): PortalSessionOutcome {
  if (!row.enabled) {
    return "portal_disabled"
  }
  if (!row._access_enabled) {
    return "access_disabled"
  }
  if (sessionId === undefined) {
    return "ok"
  }
  if (!row._session_found || row._session_ended_at || new Date(row._session_expires_at!).getTime() <= now) {
    return "signed_out"
  }
  if (!row._token_found || row._token_revoked_at) {
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
