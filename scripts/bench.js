#!/usr/bin/env node
// `npm run bench`: performance figures for the Portal module, measured on a real
// PortalModuleService over a throwaway PostgreSQL (or the server in DB_HOST). The database is
// stopped / dropped whatever happens. Exits non-zero when a benchmark or its check fails.
const path = require("path")

process.env.MEDUSA_DISABLE_TELEMETRY = "true"
process.env.LOG_LEVEL = process.env.LOG_LEVEL || "error"

const ROOT = path.resolve(__dirname, "..")

/** The module is TypeScript: compile on load with swc, without type checking (tsc does that). */
function registerTypeScript() {
  require("ts-node").register({ project: path.join(ROOT, "tsconfig.json"), transpileOnly: true, swc: true })
}

let interrupted = null

async function main() {
  const { provisionDatabase } = require("../bench/database")
  const db = await provisionDatabase()
  // One shared promise: whoever exits (signal handler, error path) waits for the same release.
  let releasing = null
  const release = () =>
    (releasing ??= db.release().catch((e) => console.error("[bench] releasing the database failed:", e.message)))
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.once(signal, async () => {
      interrupted = signal
      console.error(`\n[bench] ${signal}: stopping the database`)
      await release()
      process.exit(130)
    })
  }

  console.log(`[bench] ${db.where}; node ${process.version}`)
  try {
    registerTypeScript()
    const { runPortalBenchmarks } = require("../bench/portal-module.bench")
    return await runPortalBenchmarks({ clientUrl: db.clientUrl })
  } finally {
    await release()
  }
}

main().then(
  (ok) => process.exit(ok ? 0 : 1),
  (e) => {
    // After a signal the running query fails because the database is gone; that is no news.
    console.error(interrupted ? `[bench] interrupted by ${interrupted}` : "[bench] failed:", interrupted ? "" : e)
    process.exit(interrupted ? 130 : 1)
  }
)
