import { ChildProcess, spawn } from "child_process"
import crypto from "crypto"
import fs from "fs"
import net from "net"
import os from "os"
import path from "path"
import { Client } from "pg"

/**
 * The real Medusa app with the real admin dashboard, for the browser suites.
 *
 * `medusaIntegrationTestRunner` does not serve /app (it disables the admin), so this starts the
 * host app of medusa-config.ts the way a merchant runs it: the dashboard bundled by
 * `medusa build --admin-only` (our extension included, from src/admin) and `medusa start`
 * serving it at /app, on a throwaway database migrated with `medusa db:migrate`.
 *
 * Everything runs from a temporary root that links to this repository's medusa-config.ts, src/,
 * tsconfig.json, package.json and node_modules. Medusa serves the admin from `<root>/public/admin`
 * and builds it into `<root>/.medusa/admin`, so nothing is written into the repository (its
 * `.medusa/server` stays the plugin build) and two runs never share a build or a database.
 * The bundle is cached in `.cache/browser-admin/<hash of src/admin, medusa-config.ts and the
 * lockfile>`; BROWSER_ADMIN_REBUILD=1 forces a fresh one.
 */
export type HostApp = {
  baseUrl: string
  adminEmail: string
  adminPassword: string
  /** The last lines Medusa printed, for failure reports. */
  logTail: (lines?: number) => string
  stop: () => Promise<void>
}

const ROOT = path.resolve(__dirname, "../../..")
const MEDUSA = path.join(ROOT, "node_modules", ".bin", "medusa")
const LINKED = ["medusa-config.ts", "tsconfig.json", "package.json", "src", "node_modules"]
const CACHE_DIR = path.join(ROOT, ".cache", "browser-admin")

const log = (message: string) => process.stdout.write(`[browser] ${message}\n`)

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.unref()
    server.on("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

function run(args: string[], cwd: string, env: NodeJS.ProcessEnv, logFile: string, timeoutMs: number) {
  return new Promise<void>((resolve, reject) => {
    const out = fs.openSync(logFile, "a")
    const child = spawn(MEDUSA, args, { cwd, env, stdio: ["ignore", out, out] })
    const timer = setTimeout(() => {
      child.kill("SIGKILL")
      reject(new Error(`medusa ${args.join(" ")} did not finish within ${timeoutMs / 1000} s (see ${logFile})`))
    }, timeoutMs)
    child.on("error", reject)
    child.on("exit", (code) => {
      clearTimeout(timer)
      fs.closeSync(out)
      code === 0
        ? resolve()
        : reject(new Error(`medusa ${args.join(" ")} exited with ${code}:\n${tail(logFile, 40)}`))
    })
  })
}

function tail(file: string, lines: number) {
  try {
    return fs.readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n")
  } catch {
    return ""
  }
}

function hashAdminInputs() {
  const hash = crypto.createHash("sha256")
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) {
        walk(full)
      } else {
        hash.update(path.relative(ROOT, full)).update(fs.readFileSync(full))
      }
    }
  }
  walk(path.join(ROOT, "src", "admin"))
  for (const file of ["medusa-config.ts", "package-lock.json"]) {
    hash.update(file).update(fs.readFileSync(path.join(ROOT, file)))
  }
  return hash.digest("hex").slice(0, 16)
}

/** `medusa build --admin-only` in the temporary root, or the cached bundle of the same sources. */
async function buildAdmin(appRoot: string, env: NodeJS.ProcessEnv, logFile: string) {
  const cached = path.join(CACHE_DIR, hashAdminInputs())
  if (process.env.BROWSER_ADMIN_REBUILD !== "1" && fs.existsSync(path.join(cached, "index.html"))) {
    log(`admin bundle from cache ${path.relative(ROOT, cached)}`)
    return cached
  }
  const started = Date.now()
  await run(["build", "--admin-only"], appRoot, env, logFile, 300_000)
  const built = path.join(appRoot, ".medusa", "admin")
  if (!fs.existsSync(path.join(built, "index.html"))) {
    throw new Error(`medusa build --admin-only wrote no index.html (see ${logFile})`)
  }
  log(`admin built in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  // Keep one bundle: the cache is for re-running the suite while working on it.
  fs.rmSync(CACHE_DIR, { recursive: true, force: true })
  fs.mkdirSync(CACHE_DIR, { recursive: true })
  fs.cpSync(built, `${cached}.tmp`, { recursive: true })
  fs.renameSync(`${cached}.tmp`, cached)
  return cached
}

type Database = { url: string; drop: () => Promise<void> }

/**
 * A fresh database on the server `npm test` started (DB_HOST, DB_PORT, …), or on an embedded
 * PostgreSQL of its own when the suite is run without it.
 */
async function createDatabase(): Promise<Database> {
  let server: { host: string; port: number; user: string; password: string; stop?: () => Promise<void> }
  if (process.env.DB_HOST) {
    server = {
      host: process.env.DB_HOST,
      port: Number(process.env.DB_PORT || 5432),
      user: process.env.DB_USERNAME || "postgres",
      password: process.env.DB_PASSWORD || "",
    }
  } else {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const { startPostgres } = require(path.join(ROOT, "scripts", "lib", "postgres.js"))
    const dir = path.join(os.tmpdir(), `portal-browser-pg-${process.pid}-${crypto.randomBytes(4).toString("hex")}`)
    server = await startPostgres({ dir, persistent: false })
    log(`embedded PostgreSQL on localhost:${server.port}`)
  }
  const name = `portal_browser_${Date.now()}_${crypto.randomBytes(3).toString("hex")}`
  const admin = () =>
    new Client({ host: server.host, port: server.port, user: server.user, password: server.password, database: "postgres" })
  const client = admin()
  await client.connect()
  await client.query(`CREATE DATABASE "${name}"`)
  await client.end()
  const auth = `${encodeURIComponent(server.user)}:${encodeURIComponent(server.password)}`
  return {
    url: `postgres://${auth}@${server.host}:${server.port}/${name}`,
    drop: async () => {
      const c = admin()
      await c.connect()
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
      await c.end()
      await server.stop?.()
    },
  }
}

async function waitForHealth(baseUrl: string, child: ChildProcess, logFile: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`medusa start exited with ${child.exitCode}:\n${tail(logFile, 40)}`)
    }
    try {
      const response = await fetch(`${baseUrl}/health`)
      if (response.ok) {
        return
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error(`Medusa did not answer /health within ${timeoutMs / 1000} s:\n${tail(logFile, 40)}`)
}

/**
 * `env`: extra variables for every medusa command (e.g. the fake Stripe server's STRIPE_API_HOST
 * and STRIPE_API_PORT for the portal suite); they override the defaults above.
 */
export async function startHostApp(options: {
  smtpPort: number
  logDir: string
  env?: Record<string, string>
}): Promise<HostApp> {
  const started = Date.now()
  fs.mkdirSync(options.logDir, { recursive: true })
  const appRoot = fs.mkdtempSync(path.join(os.tmpdir(), "portal-browser-app-"))
  for (const entry of LINKED) {
    fs.symlinkSync(path.join(ROOT, entry), path.join(appRoot, entry))
  }

  const port = await freePort()
  const baseUrl = `http://localhost:${port}`
  const db = await createDatabase()
  const adminEmail = "owner@portal.test"
  const adminPassword = `pw-${crypto.randomBytes(6).toString("hex")}`
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "test",
    DATABASE_URL: db.url,
    PORT: String(port),
    PORTAL_URL: baseUrl,
    ADMIN_CORS: baseUrl,
    AUTH_CORS: baseUrl,
    STORE_CORS: baseUrl,
    SMTP_HOST: "127.0.0.1",
    SMTP_PORT: String(options.smtpPort),
    SMTP_FROM: "Acme Plumbing <portal@acme.test>",
    MEDUSA_DISABLE_TELEMETRY: "true",
    MEDUSA_ADMIN_DISABLED: "false",
    LOG_LEVEL: "info",
    // One pair for every medusa command of this app (medusa-config.ts has no built-in fallback).
    JWT_SECRET: process.env.JWT_SECRET || crypto.randomBytes(32).toString("hex"),
    COOKIE_SECRET: process.env.COOKIE_SECRET || crypto.randomBytes(32).toString("hex"),
    ...options.env,
  }
  const logFile = (name: string) => path.join(options.logDir, `${name}.log`)

  let child: ChildProcess | null = null
  const stop = async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child!.once("exit", r))
      child.kill("SIGTERM")
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))])
      if (child.exitCode === null) {
        child.kill("SIGKILL")
      }
    }
    child = null
    await db.drop().catch((e) => log(`dropping the database failed: ${e.message}`))
    fs.rmSync(appRoot, { recursive: true, force: true })
  }

  try {
    // The bundle and the schema do not depend on each other: build while migrating.
    const [adminDir] = await Promise.all([
      buildAdmin(appRoot, env, logFile("admin-build")),
      (async () => {
        const t = Date.now()
        await run(["db:migrate"], appRoot, env, logFile("migrate"), 240_000)
        await run(["user", "-e", adminEmail, "-p", adminPassword], appRoot, env, logFile("migrate"), 120_000)
        log(`database migrated and admin user created in ${((Date.now() - t) / 1000).toFixed(1)} s`)
      })(),
    ])
    fs.mkdirSync(path.join(appRoot, "public"), { recursive: true })
    fs.symlinkSync(adminDir, path.join(appRoot, "public", "admin"))

    const out = fs.openSync(logFile("medusa"), "a")
    child = spawn(MEDUSA, ["start"], { cwd: appRoot, env, stdio: ["ignore", out, out] })
    child.on("exit", () => fs.closeSync(out))
    await waitForHealth(baseUrl, child, logFile("medusa"), 120_000)
    log(`Medusa with the admin at ${baseUrl}/app, ready in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  } catch (error) {
    await stop()
    throw error
  }

  return { baseUrl, adminEmail, adminPassword, logTail: (n = 60) => tail(logFile("medusa"), n), stop }
}
