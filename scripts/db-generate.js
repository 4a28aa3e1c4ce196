#!/usr/bin/env node
// `npm run db:generate`: generates a migration for the Portal module after a model change.
// `medusa plugin:db:generate` compares the models with the last snapshot but needs a database to
// connect to, so this starts a throwaway one, runs it, and stops it.
const { spawnSync } = require("child_process")
const os = require("os")
const path = require("path")
const crypto = require("crypto")
const { startPostgres } = require("./lib/postgres")

async function main() {
  const dir = path.join(os.tmpdir(), `portal-generate-pg-${crypto.randomBytes(4).toString("hex")}`)
  const db = await startPostgres({ dir, persistent: false })
  try {
    const result = spawnSync(path.join(__dirname, "..", "node_modules", ".bin", "medusa"), ["plugin:db:generate"], {
      cwd: path.join(__dirname, ".."),
      stdio: "inherit",
      env: {
        ...process.env,
        DB_HOST: db.host,
        DB_PORT: String(db.port),
        DB_USERNAME: db.user,
        DB_PASSWORD: db.password,
        MEDUSA_DISABLE_TELEMETRY: "true",
      },
    })
    process.exitCode = result.status ?? 1
  } finally {
    await db.stop()
  }
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
