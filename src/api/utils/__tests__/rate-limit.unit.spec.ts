import type { MedusaRequest } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { compileTrustedProxies, TrustedProxies } from "../../../lib/trusted-proxies"
import { PORTAL_MODULE } from "../../../modules/portal"
import { clientIp, failedLinkOpenLimit, RateLimitResult, retryWaitText } from "../rate-limit"

/** A request as Express hands it over, with the services clientIp and the limiter resolve. */
function request(remoteAddress: string, forwardedFor: string | undefined, trustedProxies?: TrustedProxies) {
  const cache = new Map<string, unknown>()
  const services: Record<string, unknown> = {
    [PORTAL_MODULE]: { getProxyTrust: () => compileTrustedProxies(trustedProxies) },
    [Modules.CACHE]: { get: async (k: string) => cache.get(k) ?? null, set: async (k: string, v: unknown) => void cache.set(k, v) },
    [Modules.LOCKING]: { execute: async (_k: string, fn: () => Promise<unknown>) => fn() },
  }
  return {
    headers: forwardedFor ? { "x-forwarded-for": forwardedFor } : {},
    socket: { remoteAddress },
    connection: { remoteAddress },
    scope: { resolve: (key: string) => services[key] },
  } as unknown as MedusaRequest
}

describe("clientIp", () => {
  it("is the socket's peer by default, whatever X-Forwarded-For says", () => {
    expect(clientIp(request("10.0.0.5", "203.0.113.9"))).toBe("10.0.0.5")
  })

  it("believes as many hops as configured, from the right", () => {
    expect(clientIp(request("10.0.0.5", "6.6.6.6, 203.0.113.9", 1))).toBe("203.0.113.9")
    expect(clientIp(request("10.0.0.5", "6.6.6.6, 203.0.113.9", "1"))).toBe("203.0.113.9")
    expect(clientIp(request("10.0.0.5", "6.6.6.6, 203.0.113.9, 10.0.0.4", 2))).toBe("203.0.113.9")
  })

  it("believes only listed proxies and CIDRs", () => {
    expect(clientIp(request("10.0.0.5", "6.6.6.6, 203.0.113.9", ["10.0.0.0/8"]))).toBe("203.0.113.9")
    expect(clientIp(request("10.0.0.5", "6.6.6.6, 203.0.113.9", "10.0.0.0/8, 203.0.113.0/24"))).toBe("6.6.6.6")
    expect(clientIp(request("192.0.2.1", "203.0.113.9", ["10.0.0.0/8"]))).toBe("192.0.2.1")
  })

  it("refuses a malformed option with a message that says what to write", () => {
    expect(() => compileTrustedProxies(["not-an-ip"])).toThrow(/trustedProxies is invalid.*hop count such as 1/)
    expect(() => compileTrustedProxies(-1)).toThrow(/trustedProxies is invalid/)
  })
})

describe("failedLinkOpenLimit", () => {
  it("allows 20 failed opens a minute per address, then asks to retry later", async () => {
    const req = request("10.0.0.5", undefined)
    const results: RateLimitResult[] = []
    for (let i = 0; i < 21; i++) {
      results.push(await failedLinkOpenLimit(req.scope, clientIp(req)))
    }
    expect(results.slice(0, 20).every((r) => r.allowed)).toBe(true)
    expect(results[20]).toEqual({ allowed: false, retry_after: expect.any(Number) })
  })
})

describe("retryWaitText", () => {
  it("says how long to wait as a person would, never less than the header", () => {
    expect(retryWaitText(1)).toBe("1 second")
    expect(retryWaitText(0)).toBe("1 second")
    expect(retryWaitText(45)).toBe("45 seconds")
    expect(retryWaitText(58.2)).toBe("59 seconds")
    expect(retryWaitText(60)).toBe("1 minute")
    expect(retryWaitText(61)).toBe("2 minutes")
    expect(retryWaitText(900)).toBe("15 minutes")
  })
})
