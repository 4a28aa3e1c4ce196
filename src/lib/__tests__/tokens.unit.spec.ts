import { DECOY_HASH, generatePortalToken, hashesEqual, hashPortalToken, isTokenShaped } from "../tokens"

describe("portal tokens", () => {
  it("carries 256 bits of randomness in a URL-safe string", () => {
    const token = generatePortalToken()
    expect(Buffer.from(token, "base64url")).toHaveLength(32)
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(isTokenShaped(token)).toBe(true)
  })

  it("never repeats across 10 000 draws", () => {
    const seen = new Set(Array.from({ length: 10_000 }, generatePortalToken))
    expect(seen.size).toBe(10_000)
  })

  it("stores a SHA-256 that does not contain the token", () => {
    const token = generatePortalToken()
    const hash = hashPortalToken(token)
    expect(hash).toMatch(/^[0-9a-f]{64}$/)
    expect(hash).not.toContain(token)
    expect(hashPortalToken(token)).toBe(hash)
  })

  it("compares hashes exactly", () => {
    const hash = hashPortalToken("a")
    expect(hashesEqual(hash, hashPortalToken("a"))).toBe(true)
    expect(hashesEqual(hash, hashPortalToken("b"))).toBe(false)
    expect(hashesEqual(hash, DECOY_HASH)).toBe(false)
    expect(hashesEqual("", "")).toBe(false)
    expect(hashesEqual(hash, "abcd")).toBe(false)
  })

  it("rejects strings that cannot be tokens", () => {
    for (const value of ["", "short", "x".repeat(44), "a".repeat(42) + "!", null, 42, "../../etc/passwd"]) {
      expect(isTokenShaped(value)).toBe(false)
    }
  })
})
