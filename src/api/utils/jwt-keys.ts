import { createPrivateKey, createPublicKey, createSecretKey, KeyObject } from "crypto"

/**
 * The project's JWT key as a KeyObject, made once per key and use. Given a string secret,
 * `jsonwebtoken` builds a KeyObject on every call, first trying the string as a PEM key (public to
 * verify, private to sign): that failed parse and its exception cost about a tenth of the server's
 * CPU on a portal request (verify) and on a link open (sign), in the bench's CPU profiles. The
 * conversion is the library's own, in the same order, so the same keys sign and verify.
 */
const parsers = {
  verify: (secret: unknown) => createPublicKey(secret as Parameters<typeof createPublicKey>[0]),
  sign: (secret: unknown) => createPrivateKey(secret as Parameters<typeof createPrivateKey>[0]),
}
const caches = { verify: new Map<unknown, KeyObject>(), sign: new Map<unknown, KeyObject>() }

function cachedKey<T>(secret: T, use: keyof typeof parsers): KeyObject | T {
  if (secret instanceof KeyObject || secret == null || typeof secret === "function") return secret
  const cache = caches[use]
  const cached = cache.get(secret)
  if (cached) return cached
  let key: KeyObject
  try {
    key = parsers[use](secret)
  } catch {
    try {
      key = createSecretKey(typeof secret === "string" ? Buffer.from(secret) : (secret as unknown as Buffer))
    } catch {
      return secret // not key material: the library reports it, as before
    }
  }
  // A project has one or two keys; a Buffer or { key, passphrase } is cached by identity, as the
  // project config that holds it lives as long as the process.
  cache.set(secret, key)
  return key
}

/** The key `jsonwebtoken.verify` would make of `secret`. */
export const verifyingKey = <T>(secret: T) => cachedKey(secret, "verify")

/** The key `jsonwebtoken.sign` would make of `secret`. */
export const signingKey = <T>(secret: T) => cachedKey(secret, "sign")
