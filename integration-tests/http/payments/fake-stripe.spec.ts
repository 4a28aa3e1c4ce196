import { Modules } from "@medusajs/framework/utils"
import type { IEventBusModuleService, IPaymentModuleService, PaymentSessionDTO } from "@medusajs/framework/types"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { expectLoggedErrors } from "../../utils/quiet-log"
import { useFastWebhooks } from "../../utils/fake-stripe/medusa"
import { startFakeStripe } from "../../utils/fake-stripe/server"
import type { FakeStripe, StripeRequestLog } from "../../utils/fake-stripe/server"
import { FakeStripeProviderService } from "../../utils/fake-stripe/provider"
import Stripe from "stripe"

jest.setTimeout(120_000)

/*
 * The test harness for Pay Now: Medusa's Payment Module with @medusajs/payment-stripe's own
 * provider code, its client pointed at the local fake Stripe server, and webhooks signed by the
 * real `stripe` library and POSTed to Medusa's own route. These tests pin what Medusa 2.21 and
 * the provider do, so the payments feature can be built on it.
 */

const STRIPE_ENV = [
  "STRIPE_API_KEY",
  "STRIPE_WEBHOOK_SECRET",
  "STRIPE_API_HOST",
  "STRIPE_API_PORT",
  "STRIPE_API_TIMEOUT",
  "PAYMENT_WEBHOOK_DELAY",
] as const
const savedEnv: Partial<Record<(typeof STRIPE_ENV)[number], string | undefined>> = {}
const API_KEY = "sk_test_fake"
const WEBHOOK_SECRET = "whsec_test"
const API_TIMEOUT_MS = 1500
let fake: FakeStripe

/*
 * Declared before medusaIntegrationTestRunner, so it runs before the runner's own beforeAll,
 * which loads medusa-config.ts: the host app then registers the Stripe provider (the fake-stripe
 * subclass) with these options.
 */
beforeAll(async () => {
  fake = await startFakeStripe({ apiKey: API_KEY, webhookSecret: WEBHOOK_SECRET })
  for (const name of STRIPE_ENV) {
    savedEnv[name] = process.env[name]
  }
  process.env.STRIPE_API_KEY = API_KEY
  process.env.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET
  process.env.STRIPE_API_HOST = fake.host
  process.env.STRIPE_API_PORT = String(fake.port)
  process.env.STRIPE_API_TIMEOUT = String(API_TIMEOUT_MS)
  process.env.PAYMENT_WEBHOOK_DELAY = "1"
})

afterAll(async () => {
  await fake?.stop()
  for (const name of STRIPE_ENV) {
    if (savedEnv[name] === undefined) {
      delete process.env[name]
    } else {
      process.env[name] = savedEnv[name]
    }
  }
})

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Polls `probe` until it returns something other than undefined / false. */
async function waitFor<T>(probe: () => Promise<T | undefined | false>, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await probe()
    if (value !== undefined && value !== false) {
      return value as T
    }
    if (Date.now() > deadline) {
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`)
    }
    await sleep(50)
  }
}

const summary = (r: StripeRequestLog) => `${r.method} ${r.path}`

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const payments = () => getContainer().resolve<IPaymentModuleService>(Modules.PAYMENT)
    const medusaUrl = () => api.defaults.baseURL as string

    /** Names (and data) of every event Medusa emits, in order, grouped ones included. */
    let emitted: { name: string; data: unknown }[] = []
    /** payment.captured events as delivered to subscribers. */
    let capturedEvents: { id: string }[] = []

    /** What the webhook route reads as the Payment Module's options before useFastWebhooks(). */
    let moduleOptionsSeenByRoute: unknown

    beforeAll(() => {
      moduleOptionsSeenByRoute = useFastWebhooks(getContainer(), 1)
      const eventBus = getContainer().resolve<IEventBusModuleService>(Modules.EVENT_BUS)
      const originalEmit = eventBus.emit.bind(eventBus)
      jest.spyOn(eventBus, "emit").mockImplementation(((data: any, options?: any) => {
        for (const event of Array.isArray(data) ? data : [data]) {
          emitted.push({ name: event.name, data: event.data })
        }
        return originalEmit(data, options)
      }) as typeof eventBus.emit)
      eventBus.subscribe(
        "payment.captured",
        async (event) => {
          capturedEvents.push(event.data as { id: string })
        },
        { subscriberId: "fake-stripe-spec-payment-captured" }
      )
    })

    beforeEach(() => {
      fake.reset()
      emitted = []
      capturedEvents = []
    })

    async function newSession(amount = 59.97): Promise<{ collectionId: string; session: PaymentSessionDTO; piId: string }> {
      const collection = await payments().createPaymentCollections({ currency_code: "usd", amount })
      const session = await payments().createPaymentSession(collection.id, {
        provider_id: "pp_stripe_stripe",
        amount,
        currency_code: "usd",
        data: {},
      })
      return { collectionId: collection.id, session, piId: session.data?.id as string }
    }

    async function paymentsOf(sessionId: string) {
      return payments().listPayments({ payment_session_id: sessionId }, { relations: ["captures", "refunds"] })
    }

    it("registers @medusajs/payment-stripe's provider as pp_stripe_stripe", async () => {
      const providers = await payments().listPaymentProviders({})
      expect(providers.map((p) => p.id).sort()).toEqual(["pp_stripe_stripe", "pp_system_default"])
    })

    it("Medusa 2.21.2's webhook route cannot see the webhook_delay module option (hence useFastWebhooks)", () => {
      // The route uses `paymentModule.options?.webhook_delay || 5000`; `.options` does not exist,
      // so with PAYMENT_WEBHOOK_DELAY=1 in medusa-config.ts webhooks would still wait 5 s.
      // If this starts failing, Medusa exposes the options and useFastWebhooks() can go.
      expect(moduleOptionsSeenByRoute).toBeUndefined()
    })

    it("creates a PaymentIntent for a session: amount in minor units, session id in metadata, client secret back", async () => {
      const { session, piId } = await newSession()

      expect(fake.requests.map(summary)).toEqual(["POST /v1/payment_intents"])
      const create = fake.requests[0]
      expect(create.body).toEqual({
        amount: "5997",
        currency: "usd",
        metadata: { session_id: session.id },
        capture_method: "automatic",
        expand: ["payment_method"],
      })
      // Medusa passes the session id as the idempotency key.
      expect(create.idempotencyKey).toBe(session.id)
      expect(create.stripeVersion).toBe("2024-04-10")

      const intent = fake.paymentIntents.get(piId)!
      expect(intent).toEqual(
        expect.objectContaining({
          object: "payment_intent",
          amount: 5997,
          currency: "usd",
          status: "requires_payment_method",
          capture_method: "automatic",
          metadata: { session_id: session.id },
        })
      )
      expect(intent.client_secret).toMatch(new RegExp(`^${piId}_secret_[A-Za-z0-9]+$`))

      // The session keeps the whole PaymentIntent as its data; status pending.
      expect(session.status).toBe("pending")
      expect(session.amount).toBe(59.97)
      expect(session.data).toEqual(
        expect.objectContaining({ id: piId, client_secret: intent.client_secret, amount: 5997, status: "requires_payment_method" })
      )
    })

    it("payment_intent.succeeded webhook → payment created and captured, collection completed, payment.captured emitted", async () => {
      const { collectionId, session, piId } = await newSession()
      const event = fake.succeed(piId)
      expect(event.type).toBe("payment_intent.succeeded")
      expect(event.data.object).toEqual(expect.objectContaining({ id: piId, status: "succeeded", amount_received: 5997 }))
      fake.requests.length = 0
      emitted = []

      const response = await fake.sendWebhook(medusaUrl(), event)
      expect(response.status).toBe(200)

      const [payment] = await waitFor(async () => {
        const list = await paymentsOf(session.id)
        return list.length && list[0].captured_at ? list : undefined
      }, "the captured payment")
      await waitFor(async () => capturedEvents.length > 0, "payment.captured")

      expect(payment).toEqual(
        expect.objectContaining({
          amount: 59.97,
          currency_code: "usd",
          provider_id: "pp_stripe_stripe",
          payment_collection_id: collectionId,
          captured_at: expect.any(Date),
        })
      )
      expect(payment.captures).toHaveLength(1)
      expect(payment.captures![0].amount).toBe(59.97)
      expect(payment.data).toEqual(expect.objectContaining({ id: piId, status: "succeeded" }))

      const stored = await payments().retrievePaymentSession(session.id)
      expect(stored.status).toBe("authorized")
      expect(stored.authorized_at).toEqual(expect.any(Date))
      const collection = await payments().retrievePaymentCollection(collectionId)
      expect(collection).toEqual(
        expect.objectContaining({ status: "completed", captured_amount: 59.97, authorized_amount: 59.97, completed_at: expect.any(Date) })
      )

      // The provider re-reads the PaymentIntent once (authorizePayment → getPaymentStatus) and
      // never calls capture: Stripe already captured it (capture_method automatic).
      expect(fake.requests.map(summary)).toEqual([`GET /v1/payment_intents/${piId}`])
      expect(fake.requests[0].query).toEqual({ expand: ["payment_method"] })

      expect(capturedEvents).toEqual([{ id: payment.id }])
      expect(emitted.map((e) => e.name)).toEqual([
        "payment.webhook_received",
        // processPaymentWorkflow → authorizePaymentSession (payment created, then captured inside
        // the module because Stripe says "succeeded") → capturePaymentWorkflow → payment.captured
        "payment.payment.created",
        "payment.payment-session.updated",
        "payment.capture.created",
        "payment.payment.updated",
        "payment.payment-collection.updated",
        "payment.payment-collection.updated",
        "payment.captured",
      ])

      // Authorizing again (e.g. a return URL after the webhook) returns the same payment, no call.
      const again = await payments().authorizePaymentSession(session.id, {})
      expect(again!.id).toBe(payment.id)
      expect(fake.requests).toHaveLength(1)

      // A refund goes to Stripe's refunds API with the amount in minor units.
      await payments().refundPayment({ payment_id: payment.id, amount: 10 })
      expect(fake.requests.map(summary).slice(1)).toEqual(["POST /v1/refunds"])
      expect(fake.requests[1].body).toEqual({ amount: "1000", payment_intent: piId })
      const collectionAfterRefund = await payments().retrievePaymentCollection(collectionId)
      expect(collectionAfterRefund.refunded_amount).toBe(10)
    })

    it("a replayed webhook creates no second payment or capture, but emits payment.captured again", async () => {
      const { session, piId } = await newSession()
      const event = fake.succeed(piId)

      for (let i = 0; i < 3; i++) {
        expect((await fake.sendWebhook(medusaUrl(), event)).status).toBe(200)
        await waitFor(async () => capturedEvents.length > i, `payment.captured #${i + 1}`)
      }

      const list = await paymentsOf(session.id)
      expect(list).toHaveLength(1)
      expect(list[0].captures).toHaveLength(1)
      // Medusa runs processPaymentWorkflow for each delivery; once a payment exists it runs
      // capturePaymentWorkflow, which captures nothing more but emits payment.captured each time.
      expect(capturedEvents).toEqual([{ id: list[0].id }, { id: list[0].id }, { id: list[0].id }])
      // Only the first delivery asks Stripe (authorize → retrieve); later ones call nothing.
      expect(fake.requestsTo("GET", `/v1/payment_intents/${piId}`)).toHaveLength(1)
      expect(fake.requestsTo("POST", /capture$/)).toHaveLength(0)
    })

    it("the return-URL path (authorizePaymentSession) before the webhook: one payment, the webhook then only re-emits payment.captured", async () => {
      const { collectionId, session, piId } = await newSession()
      const event = fake.succeed(piId)
      emitted = []

      const payment = await payments().authorizePaymentSession(session.id, {})
      expect(payment).toEqual(expect.objectContaining({ amount: 59.97, captured_at: expect.any(Date) }))
      expect((await payments().retrievePaymentCollection(collectionId)).status).toBe("completed")
      // The module call emits the module's data events only, no payment.captured.
      expect(emitted.map((e) => e.name)).toEqual([
        "payment.payment.created",
        "payment.payment-session.updated",
        "payment.capture.created",
        "payment.payment.updated",
        "payment.payment-collection.updated",
      ])

      expect((await fake.sendWebhook(medusaUrl(), event)).status).toBe(200)
      await waitFor(async () => capturedEvents.length > 0, "payment.captured")
      const list = await paymentsOf(session.id)
      expect(list).toHaveLength(1)
      expect(list[0].captures).toHaveLength(1)
      expect(capturedEvents).toEqual([{ id: payment!.id }])
    })

    it("a forged or tampered webhook is acknowledged with 200 and changes nothing", async () => {

      // Medusa's webhook subscriber logs each event whose signature does not check out.

      expectLoggedErrors(/^An error occurred while processing payment\.webhook_received:/, /constructWebhookEvent: No signatures found matching the expected signature/, /constructWebhookEvent: No stripe-signature header value was provided/)
      const { collectionId, session, piId } = await newSession()
      const event = fake.succeed(piId)
      fake.requests.length = 0

      const wrongSecret = await fake.sendWebhook(medusaUrl(), event, { secret: "whsec_attacker" })
      expect(wrongSecret.status).toBe(200)
      const payload = JSON.stringify(event)
      const tampered = await fake.sendWebhook(medusaUrl(), payload.replace('"amount":5997', '"amount":1'), {
        signature: fake.signWebhook(payload),
      })
      expect(tampered.status).toBe(200)
      const unsigned = await fake.sendWebhook(medusaUrl(), event, { signature: "" })
      expect(unsigned.status).toBe(200)

      // Each was handed to the subscriber (webhook_delay 1 ms) and dropped by the provider's
      // signature check; give them ample time, then check nothing moved.
      await waitFor(async () => emitted.filter((e) => e.name === "payment.webhook_received").length === 3, "3 webhook events")
      await sleep(1500)
      expect(await paymentsOf(session.id)).toHaveLength(0)
      expect((await payments().retrievePaymentSession(session.id)).status).toBe("pending")
      expect((await payments().retrievePaymentCollection(collectionId)).status).toBe("not_paid")
      expect(fake.requests).toHaveLength(0)
      expect(capturedEvents).toHaveLength(0)

      // The same event properly signed is processed (so the wait above was long enough).
      expect((await fake.sendWebhook(medusaUrl(), event)).status).toBe(200)
      await waitFor(async () => capturedEvents.length > 0, "payment.captured")
      expect(await paymentsOf(session.id)).toHaveLength(1)
    })

    it("payment_intent.payment_failed and events without metadata.session_id are ignored by Medusa", async () => {
      const { session, piId } = await newSession()
      const failed = fake.fail(piId, "Your card has insufficient funds.", { declineCode: "insufficient_funds" })
      expect(failed.type).toBe("payment_intent.payment_failed")
      expect(failed.data.object.last_payment_error).toEqual(
        expect.objectContaining({ type: "card_error", code: "card_declined", decline_code: "insufficient_funds", message: "Your card has insufficient funds." })
      )
      fake.requests.length = 0

      expect((await fake.sendWebhook(medusaUrl(), failed)).status).toBe(200)
      const foreign = fake.webhookEvent("payment_intent.succeeded", { ...failed.data.object, metadata: {} })
      expect((await fake.sendWebhook(medusaUrl(), foreign)).status).toBe(200)
      await waitFor(async () => emitted.filter((e) => e.name === "payment.webhook_received").length === 2, "2 webhook events")
      await sleep(1000)

      // Medusa 2.21 does not record the failure anywhere: the session stays pending with the
      // PaymentIntent as it was at creation. The reason is only on Stripe's side (retrieve it).
      const stored = await payments().retrievePaymentSession(session.id)
      expect(stored.status).toBe("pending")
      expect(stored.data).toEqual(expect.objectContaining({ status: "requires_payment_method", last_payment_error: null }))
      expect(await paymentsOf(session.id)).toHaveLength(0)
      expect(fake.requests).toHaveLength(0)

      // The provider's status read (what a return URL would do) reports the error.
      const status = await payments().authorizePaymentSession(session.id, {}).catch((e: Error) => e)
      expect(status).toBeInstanceOf(Error)
      expect((status as Error).message).toBe(`Session: ${session.id} was not authorized with the provider.`)
      const afterRead = await payments().retrievePaymentSession(session.id)
      expect(afterRead.status).toBe("error")
      expect((afterRead.data as any).last_payment_error.message).toBe("Your card has insufficient funds.")
    })

    it("update and delete of a session update and cancel the PaymentIntent", async () => {
      const { session, piId } = await newSession()
      fake.requests.length = 0

      const updated = await payments().updatePaymentSession({
        id: session.id,
        amount: 49.99,
        currency_code: "usd",
        data: session.data,
      })
      expect(fake.requests.map(summary)).toEqual([`POST /v1/payment_intents/${piId}`])
      expect(fake.requests[0].body).toEqual({ amount: "4999", expand: ["payment_method"] })
      expect(updated.amount).toBe(49.99)
      expect(fake.paymentIntents.get(piId)!.amount).toBe(4999)

      await payments().deletePaymentSession(session.id)
      expect(fake.requests.map(summary).slice(1)).toEqual([`POST /v1/payment_intents/${piId}/cancel`])
      expect(fake.paymentIntents.get(piId)!.status).toBe("canceled")
    })

    it("account holders are Stripe customers; a session with one puts the customer on the PaymentIntent", async () => {
      const holder = await payments().createAccountHolder({
        provider_id: "pp_stripe_stripe",
        context: {
          customer: { id: "cus_medusa_1", email: "zoe@example.com", first_name: "Zoë", last_name: "O'Brien" } as any,
        },
      })
      expect(fake.requests.map(summary)).toEqual(["POST /v1/customers"])
      expect(fake.requests[0].body).toEqual({ email: "zoe@example.com", name: "Zoë O'Brien" })
      expect(fake.requests[0].idempotencyKey).toBe("cus_medusa_1")
      const customerId = holder.data.id as string
      expect(customerId).toMatch(/^cus_/)

      const collection = await payments().createPaymentCollections({ currency_code: "usd", amount: 20 })
      await payments().createPaymentSession(collection.id, {
        provider_id: "pp_stripe_stripe",
        amount: 20,
        currency_code: "usd",
        data: {},
        context: { account_holder: holder } as any,
      })
      expect(fake.requests[1].body).toEqual(expect.objectContaining({ amount: "2000", customer: customerId }))
    })

    it("a 500 from Stripe on create is retried once by the SDK with the same Idempotency-Key", async () => {
      fake.failNext(500, 1, { method: "POST", path: "/v1/payment_intents" })
      const { session, piId } = await newSession()

      const creates = fake.requestsTo("POST", "/v1/payment_intents")
      expect(creates.map((r) => [r.status, r.injected ?? false])).toEqual([
        [500, true],
        [200, false],
      ])
      expect(creates[1].idempotencyKey).toBe(creates[0].idempotencyKey)
      expect(piId).toMatch(/^pi_/)
      expect(session.status).toBe("pending")
    })

    it("500s on every try: the provider does NOT throw; the session is created without a PaymentIntent", async () => {
      fake.failNext(500, 2, { method: "POST", path: "/v1/payment_intents" })
      const { session } = await newSession()

      expect(fake.requestsTo("POST", "/v1/payment_intents").map((r) => r.status)).toEqual([500, 500])
      // @medusajs/payment-stripe treats StripeAPIError as "indeterminate": no error, no id.
      expect(session.status).toBe("pending")
      expect(session.data).toEqual({ indeterminate_due_to: "stripe_api_error" })
      expect(fake.paymentIntents.size).toBe(0)
    })

    it("a 4xx from Stripe on create makes createPaymentSession throw a clear error and leaves no session", async () => {
      fake.failNext(400, 1, { method: "POST", path: "/v1/payment_intents", message: "Invalid currency: usd." })
      const collection = await payments().createPaymentCollections({ currency_code: "usd", amount: 59.97 })
      const error = await payments()
        .createPaymentSession(collection.id, { provider_id: "pp_stripe_stripe", amount: 59.97, currency_code: "usd", data: {} })
        .catch((e: Error) => e)

      expect(error).toBeInstanceOf(Error)
      // buildError() formats `${context}: ${stripeError.message}. ${detail}` — hence "..".
      expect((error as Error).message).toBe(
        "An error occurred in InitiatePayment during creation of stripe payment intent: Invalid currency: usd.."
      )
      expect(await payments().listPaymentSessions({ payment_collection_id: collection.id })).toHaveLength(0)
    })

    it("a declined card error (402) on create is a clear error too", async () => {
      fake.failNext(402, 1, { method: "POST", path: "/v1/payment_intents" })
      const collection = await payments().createPaymentCollections({ currency_code: "usd", amount: 59.97 })
      const error = await payments()
        .createPaymentSession(collection.id, { provider_id: "pp_stripe_stripe", amount: 59.97, currency_code: "usd", data: {} })
        .catch((e: Error) => e)
      expect((error as Error).message).toBe(
        "An error occurred in InitiatePayment during creation of stripe payment intent: Your card was declined.."
      )
    })

    it("connection failures on create: retried by the SDK and the provider, then a clear error", async () => {
      fake.failNext("reset", Infinity, { method: "POST", path: "/v1/payment_intents" })
      const collection = await payments().createPaymentCollections({ currency_code: "usd", amount: 59.97 })
      const started = Date.now()
      const error = await payments()
        .createPaymentSession(collection.id, { provider_id: "pp_stripe_stripe", amount: 59.97, currency_code: "usd", data: {} })
        .catch((e: Error) => e)
      const elapsed = Date.now() - started

      // The provider's buildError() appends ". <detail>" to Stripe's message (hence "..").
      expect((error as Error).message).toBe(
        "An error occurred in InitiatePayment during creation of stripe payment intent: An error occurred with our connection to Stripe. Request was retried 1 times.. Error: socket hang up"
      )
      // 4 provider attempts (backoff ~1 s, 2 s, 4 s with jitter) × 2 SDK tries each.
      expect(fake.requestsTo("POST", "/v1/payment_intents")).toHaveLength(8)
      expect(elapsed).toBeGreaterThan(3000)
      expect(await payments().listPaymentSessions({ payment_collection_id: collection.id })).toHaveLength(0)
    })

    it("a hung request times out (STRIPE_API_TIMEOUT) and the SDK's retry goes through", async () => {
      fake.failNext("hang", 1, { method: "POST", path: "/v1/payment_intents" })
      const started = Date.now()
      const { piId } = await newSession()
      expect(Date.now() - started).toBeGreaterThanOrEqual(API_TIMEOUT_MS)
      const creates = fake.requestsTo("POST", "/v1/payment_intents")
      expect(creates.map((r) => r.status)).toEqual([undefined, 200])
      expect(piId).toMatch(/^pi_/)
    })

    describe("the fake server through the stripe SDK and the provider class directly", () => {
      const client = () => new Stripe(API_KEY, { host: fake.host, port: fake.port, protocol: "http", maxNetworkRetries: 0 })
      const provider = (capture: boolean) =>
        new FakeStripeProviderService({}, {
          apiKey: API_KEY,
          webhookSecret: WEBHOOK_SECRET,
          capture,
          apiHost: fake.host,
          apiPort: fake.port,
          apiMaxNetworkRetries: 0,
        })

      it("honours Idempotency-Key: same request replayed, different request refused", async () => {
        const stripe = client()
        const first = await stripe.paymentIntents.create({ amount: 1000, currency: "USD" }, { idempotencyKey: "key-1" })
        const second = await stripe.paymentIntents.create({ amount: 1000, currency: "USD" }, { idempotencyKey: "key-1" })
        expect(second.id).toBe(first.id)
        expect(first.currency).toBe("usd")
        expect(fake.paymentIntents.size).toBe(1)
        expect(fake.requests[1].replayed).toBe(true)
        const error = await stripe.paymentIntents
          .create({ amount: 2000, currency: "usd" }, { idempotencyKey: "key-1" })
          .catch((e) => e)
        expect(error).toBeInstanceOf(Stripe.errors.StripeIdempotencyError)
        expect(error.statusCode).toBe(400)
      })

      it("answers Stripe-shaped errors: unknown ids, bad keys, missing and too-small amounts", async () => {
        const stripe = client()
        const missing = await stripe.paymentIntents.retrieve("pi_nope").catch((e) => e)
        expect(missing).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError)
        expect([missing.statusCode, missing.code, missing.message]).toEqual([404, "resource_missing", "No such payment_intent: 'pi_nope'"])
        const badKey = await new Stripe("sk_test_wrong", { host: fake.host, port: fake.port, protocol: "http" }).paymentIntents
          .retrieve("pi_nope")
          .catch((e) => e)
        expect(badKey).toBeInstanceOf(Stripe.errors.StripeAuthenticationError)
        const tooSmall = await stripe.paymentIntents.create({ amount: 20, currency: "usd" }).catch((e) => e)
        expect([tooSmall.code, tooSmall.param, tooSmall.message]).toEqual(["amount_too_small", "amount", "Amount must be at least $0.50 usd"])
        const noAmount = await stripe.paymentIntents.create({ currency: "usd" } as any).catch((e) => e)
        expect([noAmount.code, noAmount.message]).toEqual(["parameter_missing", "Missing required param: amount."])
      })

      it("confirms with test cards: success, decline (402 card_error with the PaymentIntent), 3-D Secure", async () => {
        const stripe = client()
        const ok = await stripe.paymentIntents.create({ amount: 1500, currency: "usd", payment_method: "pm_card_visa", confirm: true })
        expect([ok.status, ok.amount_received, typeof ok.latest_charge]).toEqual(["succeeded", 1500, "string"])

        const pi = await stripe.paymentIntents.create({ amount: 1500, currency: "usd" })
        const declined = await stripe.paymentIntents.confirm(pi.id, { payment_method: "pm_card_chargeDeclined" }).catch((e) => e)
        expect(declined).toBeInstanceOf(Stripe.errors.StripeCardError)
        expect([declined.statusCode, declined.code, declined.decline_code]).toEqual([402, "card_declined", "generic_decline"])
        expect(declined.payment_intent.status).toBe("requires_payment_method")
        expect(declined.payment_intent.last_payment_error.message).toBe("Your card was declined.")

        const sca = await stripe.paymentIntents.confirm(pi.id, {
          payment_method: "pm_card_authenticationRequired",
          return_url: "https://shop.example.com/return",
        })
        expect(sca.status).toBe("requires_action")
        expect(sca.next_action?.type).toBe("redirect_to_url")
        expect(fake.events.map((e) => e.type)).toEqual(
          expect.arrayContaining(["payment_intent.succeeded", "payment_intent.payment_failed", "payment_intent.requires_action"])
        )
      })

      it("events verify with the real library (constructEvent)", () => {
        const event = fake.webhookEvent("payment_intent.succeeded", { id: "pi_x", object: "payment_intent", metadata: {} })
        const payload = JSON.stringify(event)
        const verified = client().webhooks.constructEvent(payload, fake.signWebhook(payload), WEBHOOK_SECRET)
        expect(verified).toEqual(event)
        expect(() => client().webhooks.constructEvent(payload, fake.signWebhook(payload, "whsec_other"), WEBHOOK_SECRET)).toThrow(
          Stripe.errors.StripeSignatureVerificationError
        )
      })

      it("the provider with manual capture: authorized → capture → idempotent re-capture → refunds → cancel refused", async () => {
        const stripeProvider = provider(false)
        const init = await stripeProvider.initiatePayment({ amount: 25, currency_code: "usd", data: { session_id: "payses_manual" }, context: { idempotency_key: "payses_manual" } })
        expect(init.status).toBe("pending")
        const piId = init.id
        expect(fake.requests[0].body).toEqual(expect.objectContaining({ amount: "2500", capture_method: "manual" }))

        const event = fake.succeed(piId)
        expect(event.type).toBe("payment_intent.amount_capturable_updated")
        const action = await stripeProvider.getWebhookActionAndData({
          data: event as any,
          rawData: JSON.stringify(event),
          headers: { "stripe-signature": fake.signWebhook(JSON.stringify(event)) },
        })
        expect(action).toEqual({ action: "authorized", data: { session_id: "payses_manual", amount: 25 } })

        const authorized = await stripeProvider.authorizePayment({ data: { id: piId } })
        expect(authorized.status).toBe("authorized")

        const captured = await stripeProvider.capturePayment({ data: { id: piId }, context: { idempotency_key: "capt_1" } })
        expect((captured.data as any).status).toBe("succeeded")
        // Capturing again: Stripe answers payment_intent_unexpected_state with the intent; the
        // provider turns that into success.
        const recaptured = await stripeProvider.capturePayment({ data: { id: piId }, context: { idempotency_key: "capt_2" } })
        expect((recaptured.data as any).status).toBe("succeeded")

        await stripeProvider.refundPayment({ amount: 25, data: { id: piId, currency: "usd" }, context: { idempotency_key: "ref_1" } })
        // A second full refund: charge_already_refunded is swallowed by the provider.
        await stripeProvider.refundPayment({ amount: 25, data: { id: piId, currency: "usd" }, context: { idempotency_key: "ref_2" } })
        expect(fake.refunds.size).toBe(1)

        await expect(stripeProvider.cancelPayment({ data: { id: piId }, context: {} })).rejects.toThrow(
          /^An error occurred in cancelPayment: You cannot cancel this PaymentIntent because it has a status of succeeded/
        )
        const retrieved = await stripeProvider.retrievePayment({ data: { id: piId } })
        expect((retrieved.data as any).amount).toBe(25)
      })
    })
  },
})
