import crypto from "crypto"
import path from "path"
import { Client } from "pg"
import Redis from "ioredis"
import { FakeStripe, startFakeStripe } from "../utils/fake-stripe/server"
import { SmtpSink, startSmtpSink } from "../utils/smtp-sink"

// Plain JS helpers shared with the benchmark and the demo (scripts/lib).
const { buildApp, medusa, startServer } = require("../../scripts/lib/medusa-app")
const { freePort } = require("../../scripts/lib/postgres")
const { queuedEvents } = require("../../scripts/lib/redis")
const { Http, adminToken } = require("../../scripts/lib/portal-http")

/**
 * The production topology of issue #16, on loopback: one PostgreSQL and one Redis (started by
 * scripts/test-cluster.js, given as CLUSTER_DATABASE_URL / CLUSTER_REDIS_URL), two servers
 * (MEDUSA_WORKER_MODE=server) and one worker (worker mode), all `medusa start` from one
 * production build of the host app (medusa-config.ts with REDIS_URL: Redis event bus, cache,
 * caching, locking and workflow engine), with the SMTP sink and the fake Stripe API beside them.
 *
 * Every instance gets the same configuration except its worker mode and its SMTP sender address
 * (`portal-<name>@cluster.test`), so an email tells which process sent it.
 */
export type InstanceName = "a" | "b" | "worker"

export type Instance = {
  name: InstanceName
  port: number
  url: string
  http: any
  logPath: string
  /** Starts (or restarts) the process and waits for /health. */
  start(): Promise<void>
  /** SIGKILL: the process dies at once, as in a crash. */
  kill(): Promise<void>
}

export type Cluster = {
  a: Instance
  b: Instance
  worker: Instance
  db: Client
  redis: Redis
  sink: SmtpSink
  stripe: FakeStripe
  /** The admin's JWT (`medusa user`, then its login on server A). */
  adminToken: string
  senderOf(name: InstanceName): string
  /** Resolves when Medusa's event queue in Redis has had no waiting, delayed or active job for `quietMs`. */
  settle(quietMs?: number, timeoutMs?: number): Promise<void>
  stop(): Promise<void>
}

/** What the processes inherit: the shell's basics, none of its Medusa / test settings. */
function baseEnv() {
  const keep = ["PATH", "HOME", "TMPDIR", "LANG", "TZ"]
  return Object.fromEntries(keep.filter((k) => process.env[k] !== undefined).map((k) => [k, process.env[k] as string]))
}

export async function startCluster({ logDir, log }: { logDir: string; log: (line: string) => void }): Promise<Cluster> {
  const cleanups: Array<() => Promise<unknown> | unknown> = []
  const onCleanup = (fn: () => Promise<unknown> | unknown) => cleanups.push(fn)
  const stop = async () => {
    for (const fn of cleanups.reverse()) {
      await Promise.resolve()
        .then(fn)
        .catch(() => undefined)
    }
  }
  const step = async <T>(label: string, fn: () => Promise<T>) => {
    const started = Date.now()
    const result = await fn()
    log(`${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`)
    return result
  }

  try {
    const databaseUrl = process.env.CLUSTER_DATABASE_URL
    const redisUrl = process.env.CLUSTER_REDIS_URL
    if (!databaseUrl || !redisUrl) {
      throw new Error("CLUSTER_DATABASE_URL / CLUSTER_REDIS_URL are unset: run this suite with npm run test:cluster")
    }
    const sink = await startSmtpSink()
    onCleanup(() => sink.stop())
    const stripe = await startFakeStripe({ apiKey: "sk_test_fake", webhookSecret: "whsec_test" })
    onCleanup(() => stripe.stop())

    const ports = { a: await freePort(), b: await freePort(), worker: await freePort() }
    const env: Record<string, string> = {
      ...baseEnv(),
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      JWT_SECRET: crypto.randomBytes(32).toString("hex"),
      COOKIE_SECRET: crypto.randomBytes(32).toString("hex"),
      MEDUSA_ADMIN_DISABLED: "true",
      MEDUSA_DISABLE_TELEMETRY: "true",
      LOG_LEVEL: "info",
      // The address customers use (the load balancer's); the test calls each server directly.
      PORTAL_URL: `http://localhost:${ports.a}`,
      // The test process plays the load balancer: its X-Forwarded-For names the client.
      PORTAL_TRUSTED_PROXIES: "loopback",
      STRIPE_API_KEY: "sk_test_fake",
      STRIPE_WEBHOOK_SECRET: "whsec_test",
      STRIPE_PUBLISHABLE_KEY: "pk_test_fake",
      STRIPE_API_HOST: stripe.host,
      STRIPE_API_PORT: String(stripe.port),
      SMTP_HOST: "127.0.0.1",
      SMTP_PORT: String(sink.port),
      // The reminder job every minute (hourly by default), so it runs while the test watches.
      PORTAL_REMINDERS_SCHEDULE: "* * * * *",
    }

    // The build loads medusa-config.ts: without the Stripe / SMTP / Redis settings, since the fake
    // Stripe provider is only added to the build after `medusa build`.
    const buildEnv = { ...baseEnv(), NODE_ENV: "production", JWT_SECRET: env.JWT_SECRET, COOKIE_SECRET: env.COOKIE_SECRET }
    const serverDir: string = await step("medusa build", () =>
      buildApp({ env: { ...buildEnv, MEDUSA_ADMIN_DISABLED: "true", MEDUSA_DISABLE_TELEMETRY: "true" }, onCleanup, extra: ["integration-tests/utils/fake-stripe"], prefix: "portal-cluster-app-" })
    )
    await step("medusa db:migrate", () => medusa(serverDir, ["db:migrate"], env))
    const admin = { email: "admin@cluster.test", password: crypto.randomBytes(12).toString("hex") }
    await medusa(serverDir, ["user", "-e", admin.email, "-p", admin.password], env)

    const senderOf = (name: InstanceName) => `portal-${name}@cluster.test`
    const instance = (name: InstanceName, mode: "server" | "worker"): Instance => {
      const port = ports[name]
      const logPath = path.join(logDir, `${name}.log`)
      let current: { kill(): Promise<void> } | null = null
      return {
        name,
        port,
        url: `http://localhost:${port}`,
        http: new Http(`http://localhost:${port}`),
        logPath,
        async start() {
          current = await startServer({
            serverDir,
            env: { ...env, MEDUSA_WORKER_MODE: mode, SMTP_FROM: senderOf(name) },
            port,
            onCleanup,
            logPath,
          })
        },
        async kill() {
          await current?.kill()
        },
      }
    }
    const a = instance("a", "server")
    const b = instance("b", "server")
    const worker = instance("worker", "worker")
    await step("two servers and a worker healthy", () => Promise.all([a.start(), b.start(), worker.start()]))

    const db = new Client({ connectionString: databaseUrl })
    await db.connect()
    onCleanup(() => db.end())
    const redis = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 1 })
    onCleanup(() => redis.quit())

    const pending = (): Promise<number> => queuedEvents(redis)
    const settle = async (quietMs = 1000, timeoutMs = 60_000) => {
      const deadline = Date.now() + timeoutMs
      let quietSince = Date.now()
      while (Date.now() - quietSince < quietMs) {
        if (Date.now() > deadline) {
          throw new Error(`the event queue did not empty within ${timeoutMs / 1000} s (${await pending()} jobs left)`)
        }
        if ((await pending()) > 0) {
          quietSince = Date.now()
        }
        await new Promise((r) => setTimeout(r, 100))
      }
    }

    return {
      a,
      b,
      worker,
      db,
      redis,
      sink,
      stripe,
      adminToken: await adminToken(a.http, admin),
      senderOf,
      settle,
      stop,
    }
  } catch (error) {
    await stop()
    throw error
  }
}
