import fc from "fast-check"

/** Keys that have broken JavaScript objects before: prototype pollution and coercion hooks. */
export const PROTO_KEYS = ["__proto__", "constructor", "prototype", "toString", "valueOf", "toJSON", "hasOwnProperty", "then"]

const CONTROL = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).concat(["\u007f", "\u0085", "\u2028", "\u2029", "\ufeff"])

/** Strings a validator has to survive. */
export const nastyString = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary" }),
  fc.string({ unit: "grapheme" }),
  fc.constantFrom(
    "",
    " ",
    "\u0000",
    "a\u0000b",
    "\r\nBcc: evil@attacker.test",
    "NaN",
    "-NaN",
    "Infinity",
    "-Infinity",
    "-1",
    "-0",
    "0x10",
    "1e309",
    "-1e309",
    "9007199254740993",
    "99999999999999999999999999",
    "null",
    "undefined",
    "true",
    "[]",
    "{}",
    "' OR 1=1 --",
    "%00",
    "%",
    "../../etc/passwd",
    "<script>alert(1)</script>",
    "\u202e\u2066evil",
    "\ud800",
    "\udfff\ud800",
    "😀".repeat(50),
    "é".repeat(43),
    "A".repeat(43),
    "x".repeat(100_001)
  ),
  fc.array(fc.constantFrom(...CONTROL), { minLength: 1, maxLength: 8 }).map((a) => a.join("")),
  fc.string({ unit: "grapheme", minLength: 43, maxLength: 43 }),
  fc.integer({ min: 1, max: 20 }).map((n) => "ÿ".repeat(n * 500))
)

/** Numbers and number-likes JSON can carry (JSON has no NaN / Infinity: see rawJsonNumber). */
export const nastyNumber = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
  fc.constantFrom(0, -0, -1, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, Number.MIN_VALUE, 5e-324, 0.1 + 0.2, 1e21, 123456789012.345)
)

const leaf = fc.oneof(nastyString, nastyNumber, fc.boolean(), fc.constant(null))

/** Arbitrary JSON, biased towards the shapes validators get wrong. */
export const nastyValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: "small", withCrossShrink: true }, leaf, tie("array"), tie("object"), fc.jsonValue()),
  array: fc.array(tie("value"), { maxLength: 5 }),
  object: fc
    .array(fc.tuple(fc.oneof(fc.constantFrom(...PROTO_KEYS), fc.string({ maxLength: 12 })), tie("value")), { maxLength: 5 })
    .map((entries) => {
      const o: Record<string, unknown> = {}
      for (const [k, v] of entries) Object.defineProperty(o, k, { value: v, enumerable: true, configurable: true, writable: true })
      return o
    }),
})).value

/**
 * A body for a route: either wholly arbitrary, or a valid body with one field replaced / added /
 * removed (reaches past the first check), or raw text (malformed JSON, numbers JSON.parse turns
 * into Infinity, deep nesting).
 */
export function bodyFor(valid: Record<string, unknown>, extraKeys: string[] = []): fc.Arbitrary<{ json?: unknown; raw?: string; form?: string }> {
  const keys = [...new Set([...Object.keys(valid), ...extraKeys, ...PROTO_KEYS])]
  const named = Object.keys(valid).length ? Object.keys(valid) : ["a"]
  const mutated = fc.tuple(fc.constantFrom(...keys), nastyValue, fc.boolean()).map(([key, value, drop]) => {
    const body: Record<string, unknown> = { ...valid }
    if (drop && key in valid) delete body[key]
    else Object.defineProperty(body, key, { value, enumerable: true, configurable: true, writable: true })
    return { json: body }
  })
  const raw = fc
    .oneof(
      fc.constantFrom(...named.map((k) => `{"${k}": 1e400}`), ...named.map((k) => `{"${k}": -1e400}`)),
      fc.constantFrom("{", "[", "nul", '{"a":', '"\\ud800"', "1".repeat(5000), "[".repeat(5000) + "]".repeat(5000), '{"a":'.repeat(3000)),
      fc.string({ maxLength: 50 })
    )
    .map((text) => ({ raw: text }))
  return fc.oneof({ weight: 5, arbitrary: mutated }, { weight: 2, arbitrary: nastyValue.map((json) => ({ json })) }, { weight: 1, arbitrary: raw })
}

/** A query string: arbitrary keys / values (arrays, nested brackets) or raw garbage. */
export function queryFor(keys: string[]) {
  const value = fc.oneof(nastyString.filter((s) => s.length < 3000), nastyNumber.map(String))
  const pair = fc.tuple(fc.oneof(fc.constantFrom(...keys, ...keys.map((k) => `${k}[]`), ...keys.map((k) => `${k}[$gt]`), ...keys.map((k) => `${k}[0][a]`), "__proto__[x]", "constructor[prototype][x]"), fc.string({ maxLength: 8 })), value)
  const built = fc.array(pair, { minLength: 1, maxLength: 4 }).map((pairs) => pairs.map(([k, v]) => `${enc(k).replace(/%5B/g, "[").replace(/%5D/g, "]")}=${enc(v)}`).join("&"))
  const raw = fc.constantFrom("%", "%E0%A4%A", "a=%ff", "limit=1e400", "offset=-1", "limit=0", "a[" + "[".repeat(100), "x=" + "%00".repeat(10), "&&&==&")
  return fc.oneof({ weight: 4, arbitrary: built }, { weight: 1, arbitrary: raw })
}

/** Form-encoded bodies (portal forms): valid fields with garbage, nested keys, raw text. */
export function formFor(valid: Record<string, string>) {
  const keys = Object.keys(valid)
  const value = nastyString.filter((s) => s.length < 20_000)
  const mutated = fc.tuple(fc.constantFrom(...keys, ...keys.map((k) => `${k}[]`), ...keys.map((k) => `${k}[toString]`), "__proto__[x]", "_csrf[]"), value).map(([k, v]) => {
    const params = new URLSearchParams(valid)
    params.set(k, v)
    return params.toString()
  })
  const raw = fc.oneof(fc.string({ maxLength: 200 }), fc.constantFrom("%", "a=%E0%A4%A", "=&=&", "_csrf=%00", "a[" + "[".repeat(200) + "]=1"))
  return fc.oneof({ weight: 4, arbitrary: mutated }, { weight: 1, arbitrary: raw })
}

/** encodeURIComponent, which throws on a lone surrogate: then the UTF-8 bytes (U+FFFD) escaped. */
export const enc = (s: string) => {
  try {
    return encodeURIComponent(s)
  } catch {
    return Array.from(Buffer.from(s, "utf8"), (b) => `%${b.toString(16).padStart(2, "0")}`).join("")
  }
}

export const show = (value: unknown) => {
  const text = typeof value === "string" ? value : JSON.stringify(value)
  return text && text.length > 300 ? `${text.slice(0, 300)}… (${text.length} chars)` : text
}
