// The plans of the queries the app really runs for a route: auto_explain (preloaded by
// bench/http/postgres.js) is switched on server-wide with ANALYZE and BUFFERS for the duration of
// one request, and the plans it logs are read back from PostgreSQL's log.

const SETTINGS = {
  "auto_explain.log_min_duration": "0",
  "auto_explain.log_analyze": "on",
  "auto_explain.log_buffers": "on",
  "auto_explain.log_timing": "on",
  "auto_explain.log_nested_statements": "on",
}

async function setAll(client, on) {
  for (const name of Object.keys(SETTINGS)) {
    await client.query(on ? `ALTER SYSTEM SET ${name} = '${SETTINGS[name]}'` : `ALTER SYSTEM RESET ${name}`)
  }
  await client.query("SELECT pg_reload_conf()")
  // Backends re-read the configuration before their next command; give the signal time to land.
  await new Promise((r) => setTimeout(r, 300))
}

/**
 * Runs `request` with auto_explain on; returns the plans of the distinct statements whose text
 * matches `filter` (e.g. the portal_invoice reads), each as { query, plan, duration }.
 */
async function capturePlans({ client, tapLog, request, filter }) {
  let log = ""
  // Requests a load run left queued on the server would log their plans too: let them drain.
  await new Promise((r) => setTimeout(r, 3000))
  await setAll(client, true)
  const untap = tapLog((chunk) => (log += chunk.endsWith("\n") ? chunk : chunk + "\n"))
  try {
    await request()
    await new Promise((r) => setTimeout(r, 300))
  } finally {
    untap()
    await setAll(client, false)
  }
  const entries = log.split(/^(?=.*LOG:\s+duration: [\d.]+ ms\s+plan:)/m).filter((e) => /plan:/.test(e))
  return entries
    .map((entry) => {
      const lines = entry.split("\n")
      const textAt = lines.findIndex((l) => /Query Text:/.test(l))
      const planAt = lines.findIndex((l, i) => i > textAt && /^\s*\S.*\(cost=|^\s*\S.*\(actual/.test(l))
      const query = lines.slice(textAt, planAt).join("\n").replace(/^\s*Query Text:\s*/, "").trim()
      const plan = lines
        .slice(planAt)
        .filter((l) => l.trim() && !/LOG:|STATEMENT:/.test(l))
        .join("\n")
        .replace(/^\t/gm, "  ")
      return { query, plan, duration: Number(/duration: ([\d.]+) ms/.exec(entry)?.[1]) }
    })
    .filter((e) => filter.test(e.query))
    .filter((e, i, all) => all.findIndex((o) => o.query === e.query) === i)
}

async function appCalls(client, dbName) {
  return (await appStatements(client, dbName)).reduce((n, statement) => n + statement.calls, 0)
}

/**
 * Waits until the app sends no statement for 500 ms (at most 15 s): requests the previous load
 * run left queued on the server would otherwise be counted as this route's (they doubled the
 * counts of the scenarios that follow a fast one).
 */
async function untilIdle(client, dbName) {
  let last = await appCalls(client, dbName)
  for (let i = 0; i < 30; i++) {
    await new Promise((r) => setTimeout(r, 500))
    const now = await appCalls(client, dbName)
    if (now === last) return
    last = now
  }
}

/** Each statement the app ran since the last reset: its text (shortened), calls, and mean execution time. */
async function appStatements(client, dbName) {
  const { rows } = await client.query(
    `SELECT s.query, s.calls::int AS calls, s.mean_exec_time AS mean_ms
       FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
      WHERE d.datname = $1 AND s.userid = (SELECT oid FROM pg_roles WHERE rolname = current_user)
        AND s.query NOT LIKE '%pg_stat_statements%'
      ORDER BY s.total_exec_time DESC`,
    [dbName]
  )
  return rows.map((r) => ({ query: r.query.replace(/\s+/g, " ").trim().slice(0, 160), calls: r.calls, meanMs: r.mean_ms }))
}

/**
 * Statements per request: pg_stat_statements' calls across `count` sequential requests, and
 * which statements they were (slowest in total first), to see where a route's database time goes.
 */
async function statementsPerRequest({ client, dbName, request, count }) {
  await untilIdle(client, dbName)
  await client.query("SELECT pg_stat_statements_reset()")
  const statuses = {}
  for (let i = 0; i < count; i++) {
    const status = await request(i)
    statuses[status] = (statuses[status] || 0) + 1
  }
  const statements = (await appStatements(client, dbName)).map((statement) => ({ ...statement, perRequest: statement.calls / count }))
  return { perRequest: statements.reduce((n, statement) => n + statement.perRequest, 0), statements, statuses }
}

module.exports = { capturePlans, statementsPerRequest }
