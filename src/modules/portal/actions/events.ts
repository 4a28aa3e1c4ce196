import type { Context } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import type { ModuleLogPortalEvent } from "../../../types/module"
import { PortalEventActor, PortalEventType } from "../constants"
import type { PortalEventRow } from "../repositories/portal-sql"
import type { PortalDeps } from "./types"

const EVENT_TYPES = new Set<string>(Object.values(PortalEventType))

/** The row an event is stored as. Only known event types are accepted. */
export function portalEventRow(input: ModuleLogPortalEvent): PortalEventRow {
  if (!EVENT_TYPES.has(input.type)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Unknown portal event type "${input.type}"`)
  }
  return {
    type: input.type,
    customer_id: input.customer_id ?? null,
    actor: input.actor ?? PortalEventActor.SYSTEM,
    subject_type: input.subject_type ?? null,
    subject_id: input.subject_id ?? null,
    data: input.data ?? null,
  }
}

/** Appends to the activity log. Only known event types are accepted. */
export async function logEvent({ sql }: PortalDeps, input: ModuleLogPortalEvent, sharedContext: Context) {
  // One INSERT (see PortalSqlRepository.insertEvent): views are logged on every page view.
  return sql.insertEvent(portalEventRow(input), sharedContext)
}
