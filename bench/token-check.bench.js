// 5. Magic-link checks through PortalModuleService.verifyPortalToken: unknown, expired, revoked
// and valid tokens should cost the same (one indexed lookup + one constant-time comparison), so
// response time does not tell an attacker which tokens exist. Interleaved rounds keep drift
// (caches, other load) from favouring one kind.
const { randomBytes } = require("crypto")
const { percentile } = require("./stats")

const ROUNDS = 400

async function benchTokenCheck(service) {
  await service.updateSettings({ enabled: true })
  const customerId = "cus_bench_tokens"
  const valid = (await service.issuePortalToken(customerId, { source: "email" })).token
  const expiredIssue = await service.issuePortalToken(customerId, { source: "email" })
  await service.updatePortalTokens({ id: expiredIssue.portal_token.id, expires_at: new Date(Date.now() - 1000) })
  const revokedIssue = await service.issuePortalToken(customerId, { source: "email" })
  await service.revokePortalToken(customerId, revokedIssue.portal_token.id)

  const kinds = {
    unknown: () => randomBytes(32).toString("base64url"),
    expired: () => expiredIssue.token,
    revoked: () => revokedIssue.token,
    valid: () => valid,
  }
  const samples = Object.fromEntries(Object.keys(kinds).map((k) => [k, []]))
  for (let round = 0; round < ROUNDS; round++) {
    for (const [kind, token] of Object.entries(kinds)) {
      const t = process.hrtime.bigint()
      const result = await service.verifyPortalToken(token())
      samples[kind].push(Number(process.hrtime.bigint() - t) / 1e6)
      if (result.outcome !== kind) {
        throw new Error(`token check for a ${kind} token answered ${result.outcome}`)
      }
    }
  }
  const rows = Object.entries(samples).map(([kind, ms]) => {
    const sorted = Float64Array.from(ms).sort()
    const total = ms.reduce((a, b) => a + b, 0)
    return { name: `verifyPortalToken (${kind})`, n: ms.length, opsPerSec: ms.length / (total / 1000), p50: percentile(sorted, 50), p99: percentile(sorted, 99) }
  })
  const p50s = rows.map((r) => r.p50)
  const spread = Math.max(...p50s) - Math.min(...p50s)
  return {
    rows,
    notes: [`p50 spread between kinds: ${spread.toFixed(3)} ms (${((spread / Math.min(...p50s)) * 100).toFixed(1)} % of the fastest)`],
  }
}

module.exports = { benchTokenCheck }
