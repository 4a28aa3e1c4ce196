#!/usr/bin/env node
// `npm test`: starts a throwaway PostgreSQL (unless one is configured), runs the unit, module,
// HTTP and browser suites one kind after another, stops the database whatever happened, and exits
// non-zero when any test failed. Extra arguments go to jest (e.g. `npm test -- invoices`);
// TEST_TYPE=unit|integration:modules|integration:http|integration:security|browser runs one kind only. The browser
// kind needs /usr/bin/chromium (Debian's `chromium`; .ci/run installs it).
//
// A kind that runs no test fails the run: a file pattern that stopped matching (a renamed folder,
// a typo in jest.config.js) must not pass silently with 0 tests. With a filter (`npm test --
// invoices`) a kind the filter leaves empty is only reported, but the run as a whole must still
// run at least one test.
const { spawn } = require("child_process")
const fs = require("fs")
const os = require("os")
const path = require("path")
const crypto = require("crypto")
const { startPostgres } = require("./lib/postgres")

const ROOT = path.resolve(__dirname, "..")
const KINDS = ["unit", "integration:modules", "integration:http", "integration:security", "browser"]

function useConfiguredDatabase() {
  if (process.env.DB_HOST) {
    return true
  }
  if (!process.env.DATABASE_URL) {
    return false
  }
  const url = new URL(process.env.DATABASE_URL)
  process.env.DB_HOST = url.hostname
  process.env.DB_PORT = url.port || "5432"
  process.env.DB_USERNAME = decodeURIComponent(url.username)
  process.env.DB_PASSWORD = decodeURIComponent(url.password)
  return true
}

/**
 * How many jest workers a kind gets. The HTTP kind is most of the run (~35 suites, each booting a
 * Medusa app and migrating its own database, whose name @medusajs/test-utils makes unique per
 * suite), so it gets two workers: part of each suite is PostgreSQL's work, in another process.
 * So does the security kind, where the bad-input suite alone takes as long as the four others.
 * Everything else runs in band (the browser suites share one admin build). PORTAL_TEST_WORKERS
 * overrides the count of both.
 */
function workersFor(kind) {
  if (kind !== "integration:http" && kind !== "integration:security") {
    return 1
  }
  const wanted = Number(process.env.PORTAL_TEST_WORKERS || Math.min(2, os.cpus().length))
  return Number.isInteger(wanted) && wanted > 1 ? wanted : 1
}

function runJest(kind, args, reportFile) {
  const workers = workersFor(kind)
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [
        "--experimental-vm-modules",
        // Every HTTP suite boots a Medusa app in this one process; some of each stays on the heap,
        // and ~30 suites outgrow Node's default limit (~4 GB).
        "--max-old-space-size=8192",
        require.resolve("jest/bin/jest"),
        ...(workers > 1 ? [`--maxWorkers=${workers}`] : ["--runInBand"]),
        "--forceExit",
        // Jest would exit 1 with "No tests found" but write no report; main() decides instead.
        "--passWithNoTests",
        "--json",
        `--outputFile=${reportFile}`,
        ...args,
      ],
      { cwd: ROOT, stdio: "inherit", env: { ...process.env, TEST_TYPE: kind } }
    )
    child.on("exit", (code, signal) => resolve(signal ? 1 : code ?? 1))
  })
}

function readReport(file) {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"))
  } catch {
    return null
  }
}

async function main() {
  process.env.MEDUSA_DISABLE_TELEMETRY = "true"
  process.env.LOG_LEVEL = process.env.LOG_LEVEL || "error"
  // One random pair for the whole run, so every kind and every Medusa process it starts agrees
  // (medusa-config.ts has no built-in fallback).
  process.env.JWT_SECRET = process.env.JWT_SECRET || crypto.randomBytes(32).toString("hex")
  process.env.COOKIE_SECRET = process.env.COOKIE_SECRET || crypto.randomBytes(32).toString("hex")
  const args = process.argv.slice(2)
  const kinds = process.env.TEST_TYPE ? [process.env.TEST_TYPE] : KINDS

  let db = null
  const stopDb = async () => {
    const d = db
    db = null
    if (d) {
      await d.stop().catch((e) => console.error("[test] stopping PostgreSQL failed:", e.message))
    }
  }
  for (const sig of ["SIGINT", "SIGTERM"]) {
    process.on(sig, async () => {
      await stopDb()
      process.exit(130)
    })
  }

  if (!useConfiguredDatabase()) {
    const dir = path.join(os.tmpdir(), `portal-test-pg-${process.pid}-${crypto.randomBytes(4).toString("hex")}`)
    const started = Date.now()
    db = await startPostgres({ dir, persistent: false })
    process.env.DB_HOST = db.host
    process.env.DB_PORT = String(db.port)
    process.env.DB_USERNAME = db.user
    process.env.DB_PASSWORD = db.password
    console.log(`[test] embedded PostgreSQL on localhost:${db.port} (${Date.now() - started} ms), data in ${dir}`)
  } else {
    console.log(`[test] using the configured PostgreSQL at ${process.env.DB_HOST}:${process.env.DB_PORT || 5432}`)
  }

  const totals = { passed: 0, failed: 0, skipped: 0 }
  let exitCode = 0
  const filtered = args.some((arg) => !arg.startsWith("-"))
  const empty = []
  const reportDir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-test-report-"))
  try {
    for (const kind of kinds) {
      console.log(`\n[test] ── ${kind} ──`)
      const reportFile = path.join(reportDir, `${kind.replace(/\W/g, "-")}.json`)
      const code = await runJest(kind, args, reportFile)
      const report = readReport(reportFile)
      if (report) {
        totals.passed += report.numPassedTests
        totals.failed += report.numFailedTests
        totals.skipped += report.numPendingTests + (report.numTodoTests || 0)
        // A suite that failed to load counts no failed test but must still fail the run.
        if (report.numRuntimeErrorTestSuites > 0) {
          totals.failed += report.numRuntimeErrorTestSuites
        }
      }
      const ran = report ? report.numPassedTests + report.numFailedTests : 0
      if (code === 0 && ran === 0) {
        empty.push(kind)
        if (filtered) {
          console.log(`[test] ${kind}: no test matches ${args.join(" ")}`)
        } else {
          console.error(
            `[test] ${kind}: FAILED, no test ran (${report ? report.numTotalTestSuites : 0} test files found); ` +
              "check its testMatch in jest.config.js"
          )
          exitCode = 1
          totals.failed += 1
        }
      }
      if (code !== 0) {
        exitCode = 1
        if (!report || (report.numFailedTests === 0 && report.numRuntimeErrorTestSuites === 0)) {
          totals.failed += 1
        }
      }
    }
  } finally {
    await stopDb()
    fs.rmSync(reportDir, { recursive: true, force: true })
  }

  if (filtered && empty.length === kinds.length) {
    console.error(`[test] FAILED: no test in any kind matches ${args.join(" ")}`)
    exitCode = 1
    totals.failed += 1
  }

  console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`)
  process.exit(exitCode)
}

main().catch(async (e) => {
  console.error("[test]", e)
  process.exit(1)
})
