import type { MedusaRequest } from "@medusajs/framework/http"
import type { ICacheService, ILockingModule, MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createHash } from "crypto"
import { clientAddress } from "../../lib/trusted-proxies"
import { PORTAL_MODULE } from "../../modules/portal"
import type PortalModuleService from "../../modules/portal/service"
import { type Translate, translator } from "../../lib/i18n"

export type RateLimitResult = { allowed: true } | { allowed: false; retry_after: number }

type Window = { count: number; reset_at: number }

/**
 * Fixed-window counter kept in Medusa's Cache Module (Redis in production), incremented under a
 * lock from Medusa's Locking Module: no state in process memory, so the limit holds across
 * several server instances. Keys are hashed, so no email address is stored in the cache.
 */
export async function hitRateLimit(
  scope: MedusaContainer,
  key: string,
  { limit, windowSeconds }: { limit: number; windowSeconds: number }
): Promise<RateLimitResult> {
  const cache = scope.resolve<ICacheService>(Modules.CACHE)
  const locking = scope.resolve<ILockingModule>(Modules.LOCKING)
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

/** "45 seconds", "1 minute", "3 minutes": a `retry_after` as a person says it (rounded up). */
export function retryWaitText(seconds: number, t: Translate = translator("en")) {
  const s = Math.max(1, Math.ceil(seconds))
  if (s < 60) {
    return t("msg.wait.seconds", { count: s })
  }
  return t("msg.wait.minutes", { count: Math.ceil(s / 60) })
}

/**
 * The client's address for per-address limits. Not `req.ip`: Medusa sets Express's `trust proxy`
 * to 1, so anyone not behind exactly one proxy could forge it with X-Forwarded-For. The portal's
 * `trustedProxies` option says which hops to believe; by default only the socket's peer counts.
 */
export function clientIp(req: MedusaRequest) {
  const trust = req.scope.resolve<PortalModuleService>(PORTAL_MODULE).getProxyTrust()
  return clientAddress(req, trust) || "unknown"
}

/** Failed opens of a link (unknown, expired or revoked tokens), per client address. */
export const FAILED_LINK_OPEN_LIMIT = { limit: 20, windowSeconds: 60 }

/**
 * Counts one failed link open for a client address (`clientIp`), whichever face it came through;
 * `allowed: false` once it made more than 20 in a minute (answer 429 with
 * `Retry-After: retry_after`). Guessing a 256-bit token is hopeless anyway; this keeps scanners
 * from hammering the token lookup.
 */
export function failedLinkOpenLimit(scope: MedusaContainer, clientAddress: string): Promise<RateLimitResult> {
  return hitRateLimit(scope, `link-open-failed:ip:${clientAddress}`, FAILED_LINK_OPEN_LIMIT)
}
