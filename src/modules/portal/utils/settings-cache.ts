import type { ICachingModuleService, Logger } from "@medusajs/framework/types"
import { randomUUID } from "crypto"

const VERSION_KEY = "portal:settings:version"
const TAG = "portal:settings"
/** A cached copy lives an hour at most; the version lives longer so copies are not orphaned early. */
const DATA_TTL_SECONDS = 3600
const VERSION_TTL_SECONDS = 86_400
const TIMESTAMPS = ["created_at", "updated_at", "deleted_at"] as const

export type SettingsCacheRead<T> = { hit: T } | { hit?: undefined; store(row: T): Promise<void> }

/**
 * The settings row, cached in Medusa's Caching Module when the app registers it (shared across
 * servers with the Redis provider). Without it every read goes to the database.
 *
 * Copies are stored under the current *version*, and a settings update sets a new version after
 * its transaction committed. A read that started before the commit stores its (old) copy under
 * the old version, which no one reads any more, so no server keeps serving the old settings.
 * (Deleting one key instead would let such a read put the old copy back.)
 */
export class SettingsCache {
  /** `resolveCaching` is called on each use: the Caching Module may be loaded after this module. */
  constructor(
    protected readonly resolveCaching: () => ICachingModuleService | undefined,
    protected readonly logger: Pick<Logger, "warn"> = console
  ) {}

  protected get caching() {
    return this.resolveCaching()
  }

  /** A hit, or a miss with `store` for the row then read. A cache that fails counts as a miss. */
  async read<T extends object>(): Promise<SettingsCacheRead<T>> {
    const caching = this.caching
    if (!caching) {
      return { store: async () => {} }
    }
    try {
      let version = ((await caching.get({ key: VERSION_KEY })) as { v?: string } | null)?.v
      if (!version) {
        // Set before the database read, so the copy stored below is never older than its version.
        version = await this.bumpVersion()
      }
      const key = `${VERSION_KEY}:${version}`
      const cached = (await caching.get({ key })) as T | null
      if (cached) {
        return { hit: reviveTimestamps(cached) }
      }
      return {
        store: async (row: T) => {
          await caching
            .set({ key, data: { ...row }, tags: [TAG], ttl: DATA_TTL_SECONDS, options: { autoInvalidate: false } })
            .catch((error: Error) => this.logger.warn(`Portal settings were not cached: ${error.message}`))
        },
      }
    } catch (error) {
      this.logger.warn(`Portal settings cache unavailable, reading the database: ${(error as Error).message}`)
      return { store: async () => {} }
    }
  }

  /**
   * Call after the update committed: every server's next read goes to the database. A failure
   * here is the caller's error (the update is saved; repeating it invalidates again).
   */
  async invalidate() {
    if (this.caching) {
      await this.bumpVersion()
    }
  }

  protected async bumpVersion() {
    const v = randomUUID()
    await this.caching?.set({
      key: VERSION_KEY,
      data: { v },
      tags: [TAG],
      ttl: VERSION_TTL_SECONDS,
      options: { autoInvalidate: false },
    })
    return v
  }
}

/** A copy of the cached row (never the cached object itself), with Dates as the database gives them. */
function reviveTimestamps<T extends object>(cached: T): T {
  const row = { ...cached } as Record<string, unknown>
  for (const field of TIMESTAMPS) {
    if (typeof row[field] === "string") {
      row[field] = new Date(row[field] as string)
    }
  }
  return row as unknown as T
}
