// Spawns load-runner.js (autocannon in a process of its own) for one scenario and returns its
// result; a runner still going when the benchmark stops is killed by the cleanup. `onMeasuring` is
// called when its warm-up is over and the measured part starts.
const { spawn } = require("child_process")
const path = require("path")

const RUNNER = path.join(__dirname, "load-runner.js")

function runLoad(config, onCleanup, onMeasuring = () => {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [RUNNER], { stdio: ["pipe", "pipe", "pipe"] })
    // stdin, not argv: the approve scenario's list of paths is larger than an argument may be.
    child.stdin.end(JSON.stringify(config))
    onCleanup(async () => {
      if (child.exitCode === null && !child.signalCode) child.kill("SIGKILL")
    })
    let out = ""
    let err = ""
    child.stdout.on("data", (d) => {
      const before = out
      out += d
      if (!before.includes("measuring\n") && out.includes("measuring\n")) onMeasuring()
    })
    child.stderr.on("data", (d) => (err += d))
    child.on("error", reject)
    child.on("exit", (code) => {
      if (code !== 0) return reject(new Error(`load runner exited with ${code}: ${err.slice(-2000)}`))
      resolve(JSON.parse(out.trim().split("\n").pop()))
    })
  })
}

module.exports = { runLoad }
