// The production build the benchmark measures. The repository root is both the plugin and (via
// medusa-config.ts) a host app loading ./src; `medusa build` there would replace the plugin's own
// .medusa/server, so the host app is copied to a temporary directory and built there.
const { spawn } = require("child_process")
const fs = require("fs")
const http = require("http")
const os = require("os")
const path = require("path")

const ROOT = path.resolve(__dirname, "..", "..")
const NODE_MODULES = fs.realpathSync(path.join(ROOT, "node_modules"))
const MEDUSA_CLI = path.join(NODE_MODULES, "@medusajs", "cli", "cli.js")

function run(cmd, args, { cwd, env, quiet = true }) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] })
    let out = ""
    child.stdout.on("data", (d) => (out += d))
    child.stderr.on("data", (d) => (out += d))
    child.on("error", reject)
    child.on("exit", (code) => {
      if (code === 0) return resolve(out)
      if (!quiet) process.stderr.write(out)
      reject(new Error(`${path.basename(args[0] || cmd)} ${args.slice(1).join(" ")} exited with ${code}:\n${out.slice(-3000)}`))
    })
  })
}

/**
 * Copies the host app (config, src, package.json, tsconfig) to a temporary directory, links
 * node_modules, runs `medusa build` (admin disabled) and returns the build output directory,
 * .medusa/server, from which `medusa start` runs. Templates are copied next to the compiled code
 * as `npm run build` does for the plugin (the compiler emits only .js).
 */
async function buildApp({ env, onCleanup }) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-bench-app-"))
  onCleanup(async () => fs.rmSync(dir, { recursive: true, force: true }))
  for (const entry of ["medusa-config.ts", "src", "package.json"]) {
    fs.cpSync(path.join(ROOT, entry), path.join(dir, entry), { recursive: true })
  }
  // The plugin's tsconfig leaves medusa-config.ts out (it is not part of the plugin); the app needs it.
  const tsconfig = JSON.parse(fs.readFileSync(path.join(ROOT, "tsconfig.json"), "utf8"))
  tsconfig.exclude = tsconfig.exclude.filter((e) => e !== "medusa-config.ts")
  fs.writeFileSync(path.join(dir, "tsconfig.json"), JSON.stringify(tsconfig, null, 2))
  fs.symlinkSync(NODE_MODULES, path.join(dir, "node_modules"))
  await run(process.execPath, [MEDUSA_CLI, "build"], { cwd: dir, env })
  const server = path.join(dir, ".medusa", "server")
  if (!fs.existsSync(path.join(server, "medusa-config.js"))) {
    throw new Error(`medusa build did not emit ${server}/medusa-config.js`)
  }
  fs.cpSync(path.join(dir, "src", "templates"), path.join(server, "src", "templates"), { recursive: true })
  fs.symlinkSync(NODE_MODULES, path.join(server, "node_modules"))
  return server
}

/** `medusa <args>` in the build output (db:migrate, user). */
const medusa = (serverDir, args, env) => run(process.execPath, [MEDUSA_CLI, ...args], { cwd: serverDir, env })

function waitForHealth(port, timeoutMs, child) {
  const deadline = Date.now() + timeoutMs
  return new Promise((resolve, reject) => {
    const attempt = () => {
      if (child.exitCode !== null) return reject(new Error(`medusa start exited with ${child.exitCode}`))
      const req = http.get({ host: "localhost", port, path: "/health", timeout: 2000 }, (res) => {
        res.resume()
        res.statusCode === 200 ? resolve() : retry()
      })
      req.on("error", retry)
      req.on("timeout", () => req.destroy())
    }
    const retry = () => (Date.now() > deadline ? reject(new Error("Medusa did not answer /health in time")) : setTimeout(attempt, 500))
    attempt()
  })
}

/** Starts `medusa start` (NODE_ENV=production) in its own process group; stopped on cleanup. */
async function startServer({ serverDir, env, port, onCleanup }) {
  const logPath = path.join(path.dirname(path.dirname(serverDir)), "server.log")
  const log = fs.openSync(logPath, "a")
  const child = spawn(process.execPath, [MEDUSA_CLI, "start", "--port", String(port)], {
    cwd: serverDir,
    env: { ...env, PORT: String(port) },
    stdio: ["ignore", log, log],
    detached: true,
  })
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode) return
    const exited = new Promise((r) => child.once("exit", r))
    try {
      process.kill(-child.pid, "SIGTERM")
    } catch {
      return
    }
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))])
    try {
      process.kill(-child.pid, "SIGKILL")
    } catch {
      // gone
    }
  }
  onCleanup(stop)
  const started = Date.now()
  await waitForHealth(port, 180_000, child)
  return { pid: child.pid, child, logPath, stop, startedInMs: Date.now() - started }
}

/** Resident memory (VmRSS, MB) of a process and its descendants, from /proc. */
function treeRssMb(pid) {
  const children = new Map()
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8")
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1])
      if (!children.has(ppid)) children.set(ppid, [])
      children.get(ppid).push(Number(entry))
    } catch {
      // exited meanwhile
    }
  }
  let kb = 0
  const visit = (p) => {
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${p}/status`, "utf8"))
      if (m) kb += Number(m[1])
    } catch {
      // exited meanwhile
    }
    for (const c of children.get(p) || []) visit(c)
  }
  visit(pid)
  return Math.round(kb / 1024)
}

module.exports = { buildApp, medusa, startServer, treeRssMb, NODE_MODULES }
