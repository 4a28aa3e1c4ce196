import type { PdfPoolConfig } from "./options"
import { PdfRenderPool } from "./pool"

type Entry = { pool: PdfRenderPool; users: number }

/*
 * One pool per configuration and process: a Portal module instance that starts again (the dev
 * server's reload, an app booted twice in one test process) shares the threads instead of adding
 * its own; the last user to leave ends them.
 */
const pools = new Map<string, Entry>()

const keyOf = ({ threads, maxQueue, niceIncrement }: PdfPoolConfig) => `${threads}/${maxQueue}/${niceIncrement ?? 0}`

export function acquirePdfRenderPool(config: PdfPoolConfig, logger?: { error(message: string): void }): PdfRenderPool {
  const key = keyOf(config)
  let entry = pools.get(key)
  if (!entry) {
    entry = { pool: new PdfRenderPool(config, logger), users: 0 }
    pools.set(key, entry)
  }
  entry.users++
  return entry.pool
}

export async function releasePdfRenderPool(pool: PdfRenderPool) {
  const key = keyOf(pool.config)
  const entry = pools.get(key)
  if (!entry || entry.pool !== pool) {
    return
  }
  entry.users--
  if (entry.users <= 0) {
    pools.delete(key)
    await pool.destroy()
  }
}
