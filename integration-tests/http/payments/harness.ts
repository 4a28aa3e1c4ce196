import type { MedusaContainer } from "@medusajs/framework/types"
import { adminHeaders, createAdminUser } from "../../utils/admin"
import { createCustomer } from "../../utils/customer"
import { useFastWebhooks } from "../../utils/fake-stripe/medusa"
import { FakeStripe, startFakeStripe } from "../../utils/fake-stripe/server"
import { portalService } from "../../utils/portal"
import { SmtpSink, startSmtpSink } from "../../utils/smtp-sink"

/**
 * Starts the fake Stripe server and the SMTP sink and points the host app at them. Call it at
 * the top of a spec, before medusaIntegrationTestRunner: the runner reads medusa-config.ts (and
 * so these variables) in its own beforeAll.
 */
export function usePaymentHarness() {
  const env: Record<string, string> = {}
  const saved: Record<string, string | undefined> = {}
  const harness = {} as { fake: FakeStripe; sink: SmtpSink }

  beforeAll(async () => {
    harness.fake = await startFakeStripe({ apiKey: "sk_test_fake", webhookSecret: "whsec_test" })
    harness.sink = await startSmtpSink()
    Object.assign(env, {
      STRIPE_API_KEY: "sk_test_fake",
      STRIPE_WEBHOOK_SECRET: "whsec_test",
      STRIPE_API_HOST: harness.fake.host,
      STRIPE_API_PORT: String(harness.fake.port),
      STRIPE_API_TIMEOUT: "1500",
      STRIPE_PUBLISHABLE_KEY: "pk_test_fake",
      SMTP_HOST: "127.0.0.1",
      SMTP_PORT: String(harness.sink.port),
    })
    for (const [key, value] of Object.entries(env)) {
      saved[key] = process.env[key]
      process.env[key] = value
    }
  })
  afterAll(async () => {
    await harness.fake?.stop()
    await harness.sink?.stop()
    for (const key of Object.keys(env)) {
      saved[key] === undefined ? delete process.env[key] : (process.env[key] = saved[key])
    }
  })
  return harness
}

/**
 * Each payment test's start (call it in `beforeEach`): the fake Stripe and the sink emptied,
 * webhooks handled at once, an admin, the portal on for "Acme Plumbing", and customer Pat.
 */
export async function startPaymentTest(harness: { fake: FakeStripe; sink: SmtpSink }, container: MedusaContainer) {
  harness.fake.reset()
  harness.sink.clear()
  useFastWebhooks(container)
  await createAdminUser(adminHeaders, container)
  await portalService(container).updateSettings({ enabled: true, business_name: "Acme Plumbing" })
  return (await createCustomer(container, { first_name: "Pat" })) as unknown as { id: string; email: string }
}

/** Reads until `ok` holds or the deadline passes; returns the last value read. */
export async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms
  let value = await read()
  while (!ok(value) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100))
    value = await read()
  }
  return value
}
