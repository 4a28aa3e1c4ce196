// The writes on the production topology (README "Production: several servers and a worker"): Redis, one server
// (MEDUSA_WORKER_MODE=server) and one worker, from the same build and database as the rest of the
// benchmark. What a request queues (an approve's owner notice and its confirmation with the PDF,
// the profile sync after Medusa's own write) then runs on the worker, as it would in production,
// and the server's and the worker's CPU are counted apart.
const path = require("path")
const Redis = require("ioredis")
const { startRedis, queuedEvents } = require("../../scripts/lib/redis")
const { medusa, startServer } = require("../../scripts/lib/medusa-app")
const { freePort } = require("../../scripts/lib/postgres")

/** `profileDir`: both processes write V8 CPU profiles there when they stop (BENCH_CPU_PROFILE). */
async function startPair({ serverDir, env, dir, onCleanup, profileDir = null }) {
  const redis = await startRedis({ dir: path.join(dir, "redis") })
  onCleanup(() => redis.stop())
  const pairEnv = { ...env, REDIS_URL: redis.url }
  // The Redis modules' own migrations (the rest is already migrated).
  await medusa(serverDir, ["db:migrate"], pairEnv)
  const start = async (mode) => {
    const port = await freePort()
    const logPath = path.join(dir, `${mode}.log`)
    const nodeArgs = profileDir ? ["--cpu-prof", `--cpu-prof-dir=${path.join(profileDir, `pair-${mode}`)}`] : []
    return { port, ...(await startServer({ serverDir, env: { ...pairEnv, MEDUSA_WORKER_MODE: mode }, port, onCleanup, logPath, nodeArgs })) }
  }
  const server = await start("server")
  const worker = await start("worker")
  const client = new Redis(redis.url, { maxRetriesPerRequest: 1 })
  onCleanup(() => client.quit().catch(() => {}))

  const queued = () => queuedEvents(client)
  /** Waits until the worker has handled every event the load queued; resolves with the ms it took. */
  const drained = async (timeoutMs = 300_000) => {
    const started = Date.now()
    while ((await queued()) > 0) {
      if (Date.now() - started > timeoutMs) throw new Error(`the worker still had ${await queued()} events queued after ${timeoutMs / 1000} s`)
      await new Promise((r) => setTimeout(r, 200))
    }
    return Date.now() - started
  }
  const stop = async () => {
    await client.quit().catch(() => {})
    await Promise.all([server.stop(), worker.stop()])
    await redis.stop()
  }
  return { base: `http://localhost:${server.port}`, server, worker, drained, redisUrl: redis.url, stop }
}

module.exports = { startPair }
