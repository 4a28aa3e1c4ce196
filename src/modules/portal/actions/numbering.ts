import type { Context } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { formatDisplayNumber } from "../../../lib/numbering"
import { DocumentKind } from "../constants"
import { retrieveSettings } from "./settings"
import type { PortalDeps } from "./types"

/**
 * The next display number of a kind (INV-0001, INV-0002, …), from a counter incremented and
 * locked inside the caller's transaction (see `PortalSqlRepository.nextSequenceValue`).
 */
export async function allocateDisplayNumber(deps: PortalDeps, kind: DocumentKind, sharedContext: Context): Promise<string> {
  if (kind !== DocumentKind.INVOICE && kind !== DocumentKind.ESTIMATE) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Unknown document kind "${kind}"`)
  }
  const settings = await retrieveSettings(deps, sharedContext)
  const prefix = kind === DocumentKind.INVOICE ? settings.invoice_prefix : settings.estimate_prefix
  return formatDisplayNumber(prefix, await deps.sql.nextSequenceValue(kind, sharedContext))
}
