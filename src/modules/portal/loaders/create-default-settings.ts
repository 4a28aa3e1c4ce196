import type { LoaderOptions, Logger } from "@medusajs/framework/types"
import { PORTAL_SETTINGS_ID } from "../constants"
import type { PortalSqlRepository } from "../repositories/portal-sql"

/** PostgreSQL's "undefined_table": the migrations have not run yet on this database. */
const UNDEFINED_TABLE = "42P01"

/**
 * Creates the single settings row (portal off) once, at boot, so reads only read. On a new
 * database the loader may run before the migrations; the first read then creates the row, so a
 * failure here is logged and never stops the app.
 */
export default async function createDefaultSettingsLoader({ container }: LoaderOptions) {
  const logger = container.resolve<Logger>("logger", { allowUnregistered: true }) ?? console
  const sql = container.resolve<PortalSqlRepository>("portalSqlRepository")
  try {
    await sql.insertSettingsIfMissing(PORTAL_SETTINGS_ID)
  } catch (error) {
    if ((error as { code?: string }).code === UNDEFINED_TABLE) {
      logger.info("Portal settings will be created on first use: the portal tables do not exist yet (run the migrations).")
      return
    }
    logger.warn(`Portal settings could not be created at boot; the first read will create them: ${(error as Error).message}`)
  }
}
