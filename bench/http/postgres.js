// The HTTP benchmark's PostgreSQL: the tests' embedded one (scripts/lib/postgres.js) with
// pg_stat_statements (statements per request) and auto_explain (the plans of the queries the
// app really runs) preloaded, and its log tapped so the plans can be read back.
const { startPostgres } = require("../../scripts/lib/postgres")

const BENCH_FLAGS = [
  "-c", "synchronous_commit=off",
  "-c", "full_page_writes=off",
  "-c", "max_wal_size=4GB",
  "-c", "shared_buffers=512MB",
  "-c", "shared_preload_libraries=pg_stat_statements,auto_explain",
  "-c", "pg_stat_statements.track=all",
]

async function startBenchPostgres({ dir }) {
  const listeners = new Set()
  const pg = await startPostgres({
    dir,
    persistent: false,
    flags: BENCH_FLAGS,
    onOutput: (chunk) => listeners.forEach((l) => l(chunk)),
  })
  return {
    ...pg,
    /** Calls `fn` with every chunk PostgreSQL logs until the returned function is called. */
    tapLog: (fn) => {
      listeners.add(fn)
      return () => listeners.delete(fn)
    },
  }
}

module.exports = { startBenchPostgres }
