import type { Context } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import type { ModulePortalSettings, ModuleUpdatePortalSettings } from "../../../types/module"
import { REMINDER_LIMITS } from "../../../lib/reminders"
import { PORTAL_SETTINGS_ID } from "../constants"
import type { PortalDeps } from "./types"

/**
 * The settings row. A module loader creates it at boot; if it is missing anyway (the loader ran
 * before the migrations on a new database, or the table was emptied), it is created here.
 */
export async function retrieveSettings(deps: PortalDeps, sharedContext: Context): Promise<ModulePortalSettings> {
  const cached = await deps.settingsCache.read<ModulePortalSettings>()
  if (cached.hit) {
    return cached.hit
  }
  let [settings] = await deps.service.listPortalSettings({ id: PORTAL_SETTINGS_ID }, { take: 1 }, sharedContext)
  if (!settings) {
    await deps.sql.insertSettingsIfMissing(PORTAL_SETTINGS_ID, sharedContext)
    settings = await deps.service.retrievePortalSettings(PORTAL_SETTINGS_ID, {}, sharedContext)
  }
  await cached.store(settings as ModulePortalSettings)
  return settings as ModulePortalSettings
}

/**
 * Partial update: fields left out keep their value. The caller invalidates the cache once the
 * update is committed (see `PortalModuleService.updateSettings`).
 */
export async function updateSettings(
  deps: PortalDeps,
  data: ModuleUpdatePortalSettings,
  sharedContext: Context
): Promise<ModulePortalSettings> {
  validateSettings(data)
  await deps.sql.insertSettingsIfMissing(PORTAL_SETTINGS_ID, sharedContext)
  return (await deps.service.updatePortalSettings({ ...data, id: PORTAL_SETTINGS_ID }, sharedContext)) as ModulePortalSettings
}

const HEX_COLOUR = /^#[0-9a-fA-F]{6}$/
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

function validateSettings(data: ModuleUpdatePortalSettings) {
  const invalid = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)
  if (data.link_ttl_days !== undefined) {
    if (!Number.isInteger(data.link_ttl_days) || data.link_ttl_days < 1 || data.link_ttl_days > 365) {
      throw invalid("link_ttl_days must be a whole number of days between 1 and 365")
    }
  }
  for (const [field, limits] of [
    ["reminder_days_before", REMINDER_LIMITS.days_before],
    ["reminder_every_days_after", REMINDER_LIMITS.every_days_after],
    ["reminder_max", REMINDER_LIMITS.max],
  ] as const) {
    const value = data[field]
    if (value !== undefined && (!Number.isInteger(value) || value < limits.min || value > limits.max)) {
      throw invalid(`${field} must be a whole number from ${limits.min} to ${limits.max}`)
    }
  }
  if (data.accent_color !== undefined && !HEX_COLOUR.test(data.accent_color)) {
    throw invalid("accent_color must be a colour like #2563eb")
  }
  for (const field of ["support_email", "owner_notification_email"] as const) {
    const value = data[field]
    if (value != null && !EMAIL.test(value)) {
      throw invalid(`${field} must be an email address`)
    }
  }
  for (const field of ["invoice_prefix", "estimate_prefix"] as const) {
    const value = data[field]
    if (value !== undefined && (typeof value !== "string" || value.length > 20)) {
      throw invalid(`${field} must be text of at most 20 characters`)
    }
  }
}
