// A throwaway Redis for the cluster test and the benchmark's server + worker part: Debian's `redis-server` on loopback, a free port, no
// persistence, its files in `dir`. Nothing else on the machine is touched.
const { spawn } = require("child_process")
const fs = require("fs")
const net = require("net")
const path = require("path")
const { freePort } = require("./postgres")

const REDIS_SERVER = process.env.REDIS_SERVER || "/usr/bin/redis-server"

/** Resolves when the server answers PING with PONG. */
function ping(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port }, () => socket.write("PING\r\n"))
    socket.setTimeout(1000, () => socket.destroy())
    socket.on("data", (d) => {
      socket.destroy()
      resolve(String(d).startsWith("+PONG"))
    })
    socket.on("error", () => resolve(false))
    socket.on("close", () => resolve(false))
  })
}

/**
 * @param {{ dir: string, port?: number }} opts
 * @returns {Promise<{ port: number, url: string, logPath: string, stop: () => Promise<void> }>}
 */
async function startRedis({ dir, port }) {
  if (!fs.existsSync(REDIS_SERVER)) {
    throw new Error(`${REDIS_SERVER} not found: install Debian's redis-server (apt-get install -y redis-server)`)
  }
  port = port || (await freePort())
  fs.mkdirSync(dir, { recursive: true })
  const logPath = path.join(dir, "redis.log")
  const child = spawn(
    REDIS_SERVER,
    ["--port", String(port), "--bind", "127.0.0.1", "--dir", dir, "--save", "", "--appendonly", "no", "--logfile", logPath],
    { stdio: "ignore", detached: true }
  )
  const exited = new Promise((r) => child.once("exit", r))
  const deadline = Date.now() + 10_000
  while (!(await ping(port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill("SIGKILL")
      throw new Error(`redis-server did not start on port ${port} (see ${logPath})`)
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    logPath,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode) return
      child.kill("SIGTERM")
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))])
      if (child.exitCode === null && !child.signalCode) child.kill("SIGKILL")
    },
  }
}

// BullMQ's keys of @medusajs/event-bus-redis's queue (its prefix is the service's class name).
const EVENT_QUEUE = "RedisEventBusService:events-queue"

/** Events queued for the worker and not yet handled (waiting, active, delayed, prioritized), read with an ioredis client. */
async function queuedEvents(client) {
  const [wait, active, delayed, prioritized] = await Promise.all([
    client.llen(`${EVENT_QUEUE}:wait`),
    client.llen(`${EVENT_QUEUE}:active`),
    client.zcard(`${EVENT_QUEUE}:delayed`),
    client.zcard(`${EVENT_QUEUE}:prioritized`),
  ])
  return wait + active + delayed + prioritized
}

module.exports = { startRedis, queuedEvents, REDIS_SERVER }
