import type { MedusaRequest } from "@medusajs/framework/http"
import type { ICacheService, ILockingModule } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createHash } from "crypto"

export type RateLimitResult = { allowed: true } | { allowed: false; retry_after: number }

type Window = { count: number; reset_at: number }

/**
 * Fixed-window counter kept in Medusa's Cache Module (Redis in production), incremented under a
 * lock from Medusa's Locking Module: no state in process memory, so the limit holds across
 * several server instances. Keys are hashed, so no email address is stored in the cache.
 */
export async function hitRateLimit(
  req: MedusaRequest,
  key: string,
  { limit, windowSeconds }: { limit: number; windowSeconds: number }
): Promise<RateLimitResult> {
  const cache = req.scope.resolve<ICacheService>(Modules.CACHE)
  const locking = req.scope.resolve<ILockingModule>(Modules.LOCKING)
  const cacheKey = `portal:rl:${createHash("sha256").update(key).digest("hex")}`

  return locking.execute(cacheKey, async () => {
    const now = Date.now()
    const current = await cache.get<Window>(cacheKey)
    const window = current && current.reset_at > now ? current : { count: 0, reset_at: now + windowSeconds * 1000 }
    if (window.count >= limit) {
      return { allowed: false as const, retry_after: Math.max(1, Math.ceil((window.reset_at - now) / 1000)) }
    }
    window.count += 1
    await cache.set(cacheKey, window, Math.max(1, Math.ceil((window.reset_at - now) / 1000)))
    return { allowed: true as const }
  })
}

/** The client's address as Medusa sees it (it sets `trust proxy`, so behind a proxy too). */
export function clientIp(req: MedusaRequest) {
  return req.ip || req.socket?.remoteAddress || "unknown"
}
