import { defineConfig, loadEnv } from "@medusajs/framework/utils"
import { randomBytes } from "crypto"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

/**
 * No fixed fallback secret: one would sign every install's sessions with a public value and skip
 * Medusa's own production check. In production a missing secret stops the server; elsewhere a
 * random one is made per process and put into process.env, so every load of this file in the
 * process agrees (sessions end with the process; `npm run demo` keeps its own under .demo/).
 */
function secret(name: "JWT_SECRET" | "COOKIE_SECRET") {
  if (process.env[name]) {
    return process.env[name]
  }
  if (process.env.NODE_ENV === "production") {
    throw new Error(
      `${name} is not set. Set ${name} to a long random value (for example the output of \`openssl rand -hex 32\`) before starting Medusa in production.`
    )
  }
  process.env[name] = randomBytes(32).toString("hex")
  return process.env[name]
}

const WORKER_MODES = ["shared", "server", "worker"] as const

/** MEDUSA_WORKER_MODE: `server` answers HTTP only, `worker` runs subscribers and jobs only, `shared` (default) both. */
function workerMode() {
  const mode = process.env.MEDUSA_WORKER_MODE
  if (mode === undefined || mode === "") {
    return undefined
  }
  if (!(WORKER_MODES as readonly string[]).includes(mode)) {
    throw new Error(`MEDUSA_WORKER_MODE is "${mode}". Use one of ${WORKER_MODES.join(", ")}.`)
  }
  return mode as (typeof WORKER_MODES)[number]
}

/**
 * Several instances (servers and a worker) share one Redis through Medusa's Redis modules: events
 * are queued for the worker, the Cache Module (the portal's rate limits) and the Caching Module
 * (the portal's settings) are shared, locks hold across processes, and workflow state is kept
 * in Redis. Without REDIS_URL Medusa's in-memory defaults stay (the demo and the tests).
 */
function redisModules(redisUrl: string) {
  return [
    {
      resolve: "@medusajs/medusa/event-bus-redis",
      options: {
        redisUrl,
        // Finished jobs are kept an hour (at most 1000) for inspection, then dropped.
        jobOptions: {
          removeOnComplete: { age: 3600, count: 1000 },
          removeOnFail: { age: 3600, count: 1000 },
        },
      },
    },
    // Deprecated since 2.11 but still what Modules.CACHE resolves to (the portal's rate limits).
    { resolve: "@medusajs/medusa/cache-redis", options: { redisUrl } },
    {
      resolve: "@medusajs/medusa/caching",
      options: {
        providers: [
          { resolve: "@medusajs/medusa/caching-redis", id: "caching-redis", is_default: true, options: { redisUrl } },
        ],
      },
    },
    {
      resolve: "@medusajs/medusa/locking",
      options: {
        providers: [
          { resolve: "@medusajs/medusa/locking-redis", id: "locking-redis", is_default: true, options: { redisUrl } },
        ],
      },
    },
    { resolve: "@medusajs/medusa/workflow-engine-redis", options: { redis: { redisUrl } } },
  ]
}

const REDIS_URL = process.env.REDIS_URL || undefined

/**
 * The host app used by `npm run demo` and the HTTP tests: a plain Medusa app that loads this
 * repository's own src/ (modules, links, api, subscribers, workflows, admin). A merchant does not
 * use this file; they add the plugin to their own medusa-config.ts (see README).
 */
module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    // Also Medusa's session store (admin sessions) when set.
    redisUrl: REDIS_URL,
    workerMode: workerMode(),
    http: {
      storeCors: process.env.STORE_CORS || "http://localhost:8000",
      adminCors: process.env.ADMIN_CORS || "http://localhost:9000,http://localhost:5173",
      authCors: process.env.AUTH_CORS || "http://localhost:9000,http://localhost:5173,http://localhost:8000",
      jwtSecret: secret("JWT_SECRET"),
      cookieSecret: secret("COOKIE_SECRET"),
    },
  },
  admin: {
    disable: process.env.MEDUSA_ADMIN_DISABLED === "true",
  },
  // The Caching Module is behind this flag in Medusa 2.21 (MEDUSA_FF_CACHING).
  ...(REDIS_URL ? { featureFlags: { caching: true } } : {}),
  modules: [
    ...(REDIS_URL ? redisModules(REDIS_URL) : []),
    {
      resolve: "./src/modules/portal",
      options: {
        portalUrl: process.env.PORTAL_URL,
        // e.g. PORTAL_TRUSTED_PROXIES=1 behind one load balancer; unset, X-Forwarded-For is ignored.
        trustedProxies: process.env.PORTAL_TRUSTED_PROXIES,
        // PDF worker threads and how many PDFs may wait for one; unset, the defaults apply.
        pdf: { threads: process.env.PORTAL_PDF_THREADS, maxQueue: process.env.PORTAL_PDF_MAX_QUEUE },
      },
    },
    {
      // Replaces Medusa's default Notification module entry, so the feed provider is repeated.
      resolve: "@medusajs/medusa/notification",
      options: {
        providers: [
          { resolve: "@medusajs/medusa/notification-local", id: "local", options: { channels: ["feed"] } },
          // Emails go through the plugin's SMTP provider when SMTP_HOST is set (the HTTP tests
          // point it at a local sink); otherwise notification-local only logs them (the demo).
          process.env.SMTP_HOST
            ? {
                resolve: "./src/providers/smtp",
                id: "smtp",
                options: {
                  channels: ["email"],
                  host: process.env.SMTP_HOST,
                  port: Number(process.env.SMTP_PORT || 587),
                  secure: process.env.SMTP_SECURE ? process.env.SMTP_SECURE === "true" : undefined,
                  auth: process.env.SMTP_USER
                    ? { user: process.env.SMTP_USER, pass: process.env.SMTP_PASS || "" }
                    : undefined,
                  from: process.env.SMTP_FROM || "portal@localhost",
                },
              }
            : { resolve: "@medusajs/medusa/notification-local", id: "local-email", options: { channels: ["email"] } },
        ],
      },
    },
    // Stripe (Pay Now) only when STRIPE_API_KEY is set; otherwise Medusa's default Payment Module
    // entry stays as is (system provider only). Registered as `id: "stripe"` → `pp_stripe_stripe`,
    // webhooks at POST /hooks/payment/stripe_stripe. With STRIPE_API_HOST (the tests) the same
    // provider code talks to the harness's fake Stripe server instead of api.stripe.com.
    ...(process.env.STRIPE_API_KEY
      ? [
          {
            resolve: "@medusajs/medusa/payment",
            options: {
              // Meant as the delay (ms) between acknowledging a webhook and processing it (0 counts
              // as unset). Medusa 2.21.2's route reads it from `paymentModule.options`, which does
              // not exist, so it always waits 5 s; tests use useFastWebhooks() from
              // integration-tests/utils/fake-stripe/medusa.ts.
              webhook_delay: Number(process.env.PAYMENT_WEBHOOK_DELAY || 5000),
              providers: [
                {
                  // Absolute on purpose: Medusa resolves a "./x" provider path as "./src/x".
                  resolve: process.env.STRIPE_API_HOST
                    ? `${__dirname}/integration-tests/utils/fake-stripe`
                    : "@medusajs/medusa/payment-stripe",
                  id: "stripe",
                  options: {
                    apiKey: process.env.STRIPE_API_KEY,
                    webhookSecret: process.env.STRIPE_WEBHOOK_SECRET,
                    // Invoices are paid in one step: PaymentIntents use capture_method "automatic".
                    capture: true,
                    apiHost: process.env.STRIPE_API_HOST,
                    apiPort: process.env.STRIPE_API_PORT,
                    apiTimeout: process.env.STRIPE_API_TIMEOUT,
                  },
                },
              ],
            },
          },
        ]
      : []),
  ],
})
