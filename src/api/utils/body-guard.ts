import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"

/**
 * Names no field of the plugin has, which make objects lie about themselves: a body like
 * `{ "notes": { "toString": 0 } }` crashes Medusa's own validation message (it interpolates the
 * received value), and `__proto__` / `constructor` are the prototype-pollution classics.
 */
const RESERVED_KEYS = new Set(["__proto__", "constructor", "prototype", "toString", "valueOf", "toJSON"])
const MAX_DEPTH = 20

function reservedKeyIn(value: unknown, path: string, depth = 0): string | null {
  if (value === null || typeof value !== "object") {
    return null
  }
  if (depth > MAX_DEPTH) {
    return path || "(body)"
  }
  for (const key of Object.keys(value)) {
    const here = path ? `${path}.${key}` : key
    if (RESERVED_KEYS.has(key)) {
      return here
    }
    const nested = reservedKeyIn((value as Record<string, unknown>)[key], here, depth + 1)
    if (nested) {
      return nested
    }
  }
  return null
}

/** 400 for a body or query that uses one of those names anywhere, before any validation runs. */
export function refuseReservedKeys(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  const found = reservedKeyIn(req.body, "") ?? reservedKeyIn(req.query, "")
  if (found) {
    return next(
      new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Invalid request: "${found}" is not a field here (names like toString, valueOf, __proto__ and constructor are refused)`
      )
    )
  }
  next()
}
