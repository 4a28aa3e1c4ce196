import type { PortalSqlRepository } from "../repositories/portal-sql"
import type PortalModuleService from "../service"
import type { SettingsCache } from "../utils/settings-cache"

/**
 * What an action works with: the service's generated CRUD methods, the module's raw SQL and the
 * settings cache. Actions are plain functions; the service keeps Medusa's decorators, so
 * `sharedContext` arrives here with the manager or the transaction already chosen.
 */
export type PortalDeps = {
  service: PortalModuleService
  sql: PortalSqlRepository
  settingsCache: SettingsCache
}
