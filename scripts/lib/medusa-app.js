// A production build of this repository's host app (medusa-config.ts + src/) and the processes run
// from it: `medusa build`, `medusa db:migrate` / `medusa user`, and `medusa start` with /health
// polling. Used by the HTTP benchmark (bench/http) and the cluster test (npm run test:cluster).
//
// The repository root is both the plugin and (via medusa-config.ts) a host app loading ./src;
// `medusa build` there would replace the plugin's own .medusa/server, so the host app is copied to
// a temporary directory and built there.
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
      const shown = out.length > 3000 ? `${out.slice(0, 1500)}\n…\n${out.slice(-1500)}` : out
      reject(new Error(`${path.basename(args[0] || cmd)} ${args.slice(1).join(" ")} exited with ${code}:\n${shown}`))
    })
  })
}

/**
 * Copies the host app (config, src, package.json, tsconfig) to a temporary directory, links
 * node_modules, runs `medusa build` (admin disabled) and returns the build output directory,
 * .medusa/server, from which `medusa start` runs. Templates are copied next to the compiled code
 * as `npm run build` does for the plugin (the compiler emits only .js). `extra` lists folders of
 * the repository that `medusa build` never compiles (it skips integration-tests/) but the app
 * loads, e.g. the fake Stripe provider medusa-config.ts registers for tests: they are transpiled
 * into the build at the same relative path.
 */
async function buildApp({ env, onCleanup, extra = [], prefix = "portal-app-" }) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix))
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
  extra.forEach((folder) => transpileFolder(path.join(ROOT, folder), path.join(server, folder), tsconfig.compilerOptions))
  fs.symlinkSync(NODE_MODULES, path.join(server, "node_modules"))
  return server
}

/** Each .ts file of `from` as CommonJS .js in `to` (no type check: typecheck covers them). */
function transpileFolder(from, to, compilerOptions) {
  const ts = require("typescript")
  const options = { ...compilerOptions, module: "CommonJS", moduleResolution: "Node", inlineSourceMap: false }
  const { options: parsed } = ts.convertCompilerOptionsFromJson(options, from)
  fs.mkdirSync(to, { recursive: true })
  for (const name of fs.readdirSync(from)) {
    if (!name.endsWith(".ts") || name.endsWith(".d.ts")) continue
    const source = fs.readFileSync(path.join(from, name), "utf8")
    const { outputText } = ts.transpileModule(source, { compilerOptions: parsed, fileName: name })
    fs.writeFileSync(path.join(to, name.replace(/\.ts$/, ".js")), outputText)
  }
}

/** `medusa <args>` in the build output (db:migrate, user). */
const medusa = (serverDir, args, env) => run(process.execPath, [MEDUSA_CLI, ...args], { cwd: serverDir, env })

/**
 * Resolves once GET /health answers 200. `medusa start` registers /health after every loader ran,
 * in every worker mode (a `worker` instance serves nothing else), so 200 means ready.
 */
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

/**
 * Starts `medusa start` (NODE_ENV from `env`) in its own process group, logging to `logPath`
 * (appended; default server.log beside the build), and waits for /health. Stopped on cleanup;
 * `kill()` ends it with SIGKILL at once (a crash), `stop()` with SIGTERM first.
 */
async function startServer({ serverDir, env, port, onCleanup, logPath, healthTimeoutMs = 180_000, nodeArgs = [] }) {
  logPath = logPath || path.join(path.dirname(path.dirname(serverDir)), "server.log")
  const log = fs.openSync(logPath, "a")
  const child = spawn(process.execPath, [...nodeArgs, MEDUSA_CLI, "start", "--port", String(port)], {
    cwd: serverDir,
    env: { ...env, PORT: String(port) },
    stdio: ["ignore", log, log],
    detached: true,
  })
  fs.closeSync(log)
  const exited = new Promise((r) => child.once("exit", r))
  const signal = (name) => {
    try {
      process.kill(-child.pid, name)
      return true
    } catch {
      return false // gone
    }
  }
  const running = () => child.exitCode === null && !child.signalCode
  const kill = async () => {
    if (running() && signal("SIGKILL")) await exited
  }
  const stop = async () => {
    if (!running() || !signal("SIGTERM")) return
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))])
    signal("SIGKILL")
  }
  onCleanup(stop)
  const started = Date.now()
  await waitForHealth(port, healthTimeoutMs, child)
  return { pid: child.pid, child, logPath, stop, kill, startedInMs: Date.now() - started }
}

module.exports = { buildApp, medusa, startServer, waitForHealth, NODE_MODULES }
