// The micro-benchmarks (`npm run bench -- --part micro`): the Portal module's own code paths,
// measured on a real PortalModuleService over a throwaway PostgreSQL (or the server in DB_HOST).
// The database is stopped / dropped whatever happens, also on Ctrl-C.
const path = require("path")

const ROOT = path.resolve(__dirname, "..")

/** The module is TypeScript: compile on load with swc, without type checking (tsc does that). */
function registerTypeScript() {
  require("ts-node").register({ project: path.join(ROOT, "tsconfig.json"), transpileOnly: true, swc: true })
}

/** @param {{ onCleanup: (fn: () => Promise<void>) => void }} harness @returns {Promise<boolean>} */
async function runMicroBenchmarks({ onCleanup }) {
  const { provisionDatabase } = require("./database")
  const db = await provisionDatabase()
  let releasing = null
  const release = () =>
    (releasing ??= db.release().catch((e) => console.error("[bench] releasing the database failed:", e.message)))
  onCleanup(release)
  console.log(`[bench] micro: ${db.where}; node ${process.version}`)
  try {
    registerTypeScript()
    const { runPortalBenchmarks } = require("./portal-module.bench")
    return await runPortalBenchmarks({ clientUrl: db.clientUrl })
  } finally {
    await release()
  }
}

module.exports = { runMicroBenchmarks }
