import { createHash, randomBytes, timingSafeEqual } from "crypto"

/** 32 random bytes: 256 bits from the OS CSPRNG, URL-safe (43 characters of base64url). */
export const TOKEN_BYTES = 32
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/

export function generatePortalToken(): string {
  return randomBytes(TOKEN_BYTES).toString("base64url")
}

/** What is stored instead of the token: its SHA-256, hex. */
export function hashPortalToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex")
}

/** Whether a string could be a portal token at all (cheap filter before any lookup). */
export function isTokenShaped(value: unknown): value is string {
  return typeof value === "string" && TOKEN_SHAPE.test(value)
}

/** Constant-time comparison of two hex digests of equal length. */
export function hashesEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, "hex")
  const right = Buffer.from(b, "hex")
  return left.length === right.length && left.length > 0 && timingSafeEqual(left, right)
}

/**
 * Compared against when no token row matched, so an unknown token costs the same
 * comparison as a known one.
 */
export const DECOY_HASH = hashPortalToken("portal-token-decoy")

/**
 * Constant-time comparison of a submitted secret (a form's CSRF token: anything an attacker
 * sends, of any type and encoding) with the expected one. Not a string, or another byte length:
 * false, never a throw.
 */
export function submittedSecretMatches(sent: unknown, expected: string): boolean {
  if (typeof sent !== "string" || !expected) {
    return false
  }
  const left = Buffer.from(sent, "utf8")
  const right = Buffer.from(expected, "utf8")
  return left.length === right.length && timingSafeEqual(left, right)
}
