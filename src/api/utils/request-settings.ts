import type { MedusaRequest } from "@medusajs/framework/http"
import { PORTAL_MODULE } from "../../modules/portal"
import type PortalModuleService from "../../modules/portal/service"
import type { ModulePortalSettings } from "../../types/module"

const SETTINGS = Symbol("portal settings of this request")

type WithSettings = MedusaRequest & { [SETTINGS]?: Promise<ModulePortalSettings> }

/**
 * The portal settings, read at most once per request: the session check stores what it read
 * (`rememberRequestSettings`), and every later reader of the same request gets that copy. The
 * copy lives on the request object, so nothing outlives the request (no cross-server staleness).
 */
export function requestSettings(req: MedusaRequest): Promise<ModulePortalSettings> {
  const r = req as WithSettings
  if (!r[SETTINGS]) {
    r[SETTINGS] = req.scope.resolve<PortalModuleService>(PORTAL_MODULE).retrieveSettings()
    // A failed read is not remembered: a later reader of this request tries again.
    r[SETTINGS].catch(() => {
      r[SETTINGS] = undefined
    })
  }
  return r[SETTINGS]
}

export function rememberRequestSettings(req: MedusaRequest, settings: ModulePortalSettings) {
  ;(req as WithSettings)[SETTINGS] = Promise.resolve(settings)
}
