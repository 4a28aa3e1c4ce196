import type { Context } from "@medusajs/framework/types"
import { generateEntityId, MedusaError } from "@medusajs/framework/utils"
import type { ModulePortalSettings } from "../../../types/module"
import { PORTAL_SETTINGS_ID, PortalEventActor, PortalEventType, PortalSessionChannel } from "../constants"
import { PORTAL_REQUEST_EXTRA_COLUMNS, PortalRequestRow, PortalSessionRow } from "../repositories/portal-sql"
import { retrieveSettings } from "./settings"
import type { PortalDeps } from "./types"

export type PortalSessionOutcome = "ok" | "portal_disabled" | "access_disabled" | "link_revoked" | "signed_out" | "account_closed"

/** The outcome of a request's checks, with the settings row they read (one read per request). */
export type PortalRequestCheck = {
  outcome: PortalSessionOutcome
  settings: ModulePortalSettings
  /** The customer's chosen language, read by the same statement (null: none chosen). */
  customer_locale?: string | null
}

/**
 * What every portal request re-checks: the portal is on, the customer's access is enabled,
 * and — for a portal session — the session was not ended and the link it came through was not
 * revoked (disabling access revokes them all); last, that the customer was not deleted (the access
 * row's mark, kept in step with the Customer module). Without a session id (a link being opened,
 * or a storefront's own Medusa customer login) the session rules do not apply. One SQL statement reads all of it; the settings it
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
  return {
    outcome: portalSessionOutcome(row, sessionId),
    settings: settings as unknown as ModulePortalSettings,
    customer_locale: row._access_locale ?? null,
  }
}

/** The rule itself, on the row `portalRequestState` read. */
export function portalSessionOutcome(row: PortalRequestRow, sessionId: string | undefined, now = Date.now()): PortalSessionOutcome {
  if (!row.enabled) {
    return "portal_disabled"
  }
  if (!row._access_enabled) {
    return "access_disabled"
  }
  if (sessionId !== undefined) {
    if (!row._session_found || row._session_ended_at || new Date(row._session_expires_at!).getTime() <= now) {
      return "signed_out"
    }
    if (!row._token_found || row._token_revoked_at) {
      return "link_revoked"
    }
  }
  return row._customer_deleted_at ? "account_closed" : "ok"
}

/**
 * Starts a session for a verified link and logs the open: the session row, the link's last use,
 * the customer's last visit and the activity row, in one statement (`startSession`), which
 * re-checks that the link is live and the access enabled. The session never outlives the link.
 */
export async function startPortalSession(
  deps: PortalDeps,
  input: { token_id: string; customer_id: string; channel: PortalSessionChannel; max_seconds: number },
  sharedContext: Context
): Promise<{ session: PortalSessionRow; event_id: string }> {
  const now = new Date()
  const started = await deps.sql.startSession(
    {
      session_id: generateEntityId(undefined, "psess"),
      event_id: generateEntityId(undefined, "pevt"),
      customer_id: input.customer_id,
      token_id: input.token_id,
      channel: input.channel,
      latest_expiry: new Date(now.getTime() + input.max_seconds * 1000),
      event: { type: PortalEventType.LINK_OPENED, actor: PortalEventActor.CUSTOMER },
      now,
    },
    sharedContext
  )
  if (!started) {
    throw new MedusaError(MedusaError.Types.UNAUTHORIZED, "This portal link no longer works; ask for a new one")
  }
  const { _event_id, ...session } = started
  return { session, event_id: _event_id }
}

/** Ends a session (sign out); ending an ended or another customer's session changes nothing. */
export async function endPortalSession({ sql }: PortalDeps, customerId: string, sessionId: string, sharedContext: Context) {
  return { ended: await sql.endSession(customerId, sessionId, new Date(), sharedContext) }
}
