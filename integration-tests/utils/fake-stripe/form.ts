/**
 * Parses a body (or query string) encoded the way the `stripe` SDK encodes it: `qs` with
 * bracketed keys left readable, e.g.
 * `amount=5997&currency=usd&metadata[session_id]=payses_1&expand[0]=payment_method`
 * → `{ amount: "5997", currency: "usd", metadata: { session_id: "payses_1" }, expand: ["payment_method"] }`.
 *
 * Values stay strings, exactly as they travelled on the wire. Objects whose keys are all array
 * indices (`expand[0]`, `expand[]`) become arrays, except under `metadata`, where keys are the
 * merchant's own.
 */
export function parseStripeForm(input: string): Record<string, unknown> {
  const root: Record<string, unknown> = {}
  if (!input) {
    return root
  }
  for (const [rawKey, value] of new URLSearchParams(input)) {
    const segments = splitKey(rawKey)
    let node = root as Record<string, unknown>
    segments.forEach((segment, index) => {
      const key = segment === "" ? String(Object.keys(node).length) : segment
      if (index === segments.length - 1) {
        node[key] = value
        return
      }
      const next = node[key]
      if (next === null || typeof next !== "object") {
        node[key] = {}
      }
      node = node[key] as Record<string, unknown>
    })
  }
  return arrayify(root, false) as Record<string, unknown>
}

function splitKey(key: string): string[] {
  const match = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(key)
  if (!match) {
    return [key]
  }
  const rest = match[2] ? match[2].slice(1, -1).split("][") : []
  return [match[1], ...rest]
}

function arrayify(value: unknown, keepKeys: boolean): unknown {
  if (value === null || typeof value !== "object") {
    return value
  }
  const entries = Object.entries(value as Record<string, unknown>).map(
    ([key, child]) => [key, arrayify(child, key === "metadata")] as const
  )
  if (!keepKeys && entries.length > 0 && entries.every(([key]) => /^\d+$/.test(key))) {
    return entries.sort(([a], [b]) => Number(a) - Number(b)).map(([, child]) => child)
  }
  return Object.fromEntries(entries)
}
