import type { IncomingMessage } from "http"
import { MedusaError } from "@medusajs/framework/utils"
import proxyaddr from "proxy-addr"

/**
 * Which proxies in front of the server may tell us the client's address (`X-Forwarded-For`), in
 * the vocabulary of Express's `trust proxy`: a hop count (1 = one load balancer) or addresses /
 * CIDRs / `loopback` | `linklocal` | `uniquelocal`, as a list or a comma-separated string.
 * Unset trusts no proxy: the client is the socket's peer, and the header is ignored. (Medusa sets
 * Express's own setting to 1, so `req.ip` is forgeable unless exactly one proxy is in front.)
 */
export type TrustedProxies = number | string | string[]

/** proxy-addr's trust function: is the address at this hop (0 = the socket's peer) a proxy we trust? */
export type ProxyTrust = (address: string, hop: number) => boolean

const trustNone: ProxyTrust = () => false

const invalid = (detail: string) =>
  new MedusaError(
    MedusaError.Types.INVALID_DATA,
    `The portal option trustedProxies is invalid (${detail}). Use a hop count such as 1, or addresses / CIDRs such as ["10.0.0.0/8"]; leave it unset when no proxy is in front.`
  )

export function compileTrustedProxies(option: TrustedProxies | null | undefined): ProxyTrust {
  if (option == null || option === "" || (Array.isArray(option) && option.length === 0)) {
    return trustNone
  }
  // A number, or a number from an environment variable ("1").
  const hops = typeof option === "number" ? option : typeof option === "string" && /^\s*\d+\s*$/.test(option) ? Number(option) : null
  if (hops !== null) {
    if (!Number.isInteger(hops) || hops < 0) {
      throw invalid(`${option} is not a whole number of hops`)
    }
    return (_address, hop) => hop < hops
  }
  const list = (Array.isArray(option) ? option : String(option).split(","))
    .map((entry) => String(entry).trim())
    .filter(Boolean)
  try {
    return proxyaddr.compile(list)
  } catch (error) {
    throw invalid((error as Error).message)
  }
}

/** The client's address: the nearest address in the forwarding chain that is not a trusted proxy. */
export function clientAddress(req: IncomingMessage, trust: ProxyTrust): string {
  return proxyaddr(req, trust)
}
