import crypto from "crypto"
import http from "http"
import type { AddressInfo } from "net"
import Stripe from "stripe"
import { parseStripeForm } from "./form"

/*
 * A fake Stripe API for tests: plain Node http on 127.0.0.1, a free port. It speaks the shapes of
 * API version 2024-04-10 (the version the `stripe` v15 SDK pins) for every call
 * @medusajs/payment-stripe 2.21 makes — payment intents create / retrieve / update / confirm /
 * capture / cancel, refunds, customers, payment methods, setup intents — with form-encoded
 * bodies, Idempotency-Key replay and Stripe's `{ error: { type, code, message } }` errors.
 *
 * Nothing leaves the machine; the state lives in Maps the test can read. Webhook events are
 * built with the real event shape and signed with the real `stripe` library.
 */

export const FAKE_STRIPE_API_VERSION = "2024-04-10"
export const DEFAULT_WEBHOOK_SECRET = "whsec_test"
export const MEDUSA_STRIPE_WEBHOOK_PATH = "/hooks/payment/stripe_stripe"

export type StripeRequestLog = {
  method: string
  /** Path without the query string, e.g. `/v1/payment_intents/pi_123/capture`. */
  path: string
  /** The query string, parsed (GET / DELETE parameters travel here). */
  query: Record<string, unknown>
  /** The form-encoded body, parsed; values are strings as on the wire. */
  body: Record<string, unknown>
  rawBody: string
  idempotencyKey?: string
  stripeVersion?: string
  /** HTTP status answered (undefined while a request hangs). */
  status?: number
  /** True when the answer was replayed from an earlier request with the same Idempotency-Key. */
  replayed?: boolean
  /** True when the answer came from failNext(). */
  injected?: boolean
  at: number
}

export type StripeErrorBody = {
  type: string
  code?: string
  decline_code?: string
  message: string
  param?: string
  doc_url?: string
  payment_intent?: Stripe.PaymentIntent
  payment_method?: Stripe.PaymentMethod
  charge?: string
}

export type StripeEvent = {
  id: string
  object: "event"
  api_version: string
  created: number
  data: { object: Record<string, any>; previous_attributes?: Record<string, unknown> }
  livemode: false
  pending_webhooks: number
  request: { id: string | null; idempotency_key: string | null }
  type: string
}

/** How failNext() answers: an HTTP status with a Stripe error body, or no answer at all. */
export type FailMode = number | "hang" | "reset"

export type FailOptions = {
  /** Only requests with this method (e.g. "POST") count; others pass through. */
  method?: string
  /** Only requests whose path equals this string (or matches this RegExp) count. */
  path?: string | RegExp
  /** Overrides the Stripe error type / code / message of a status failure. */
  type?: string
  code?: string
  message?: string
  /**
   * Sends `Stripe-Should-Retry: true|false`. Without the header the stripe SDK retries a 409 or
   * 5xx once on its own (maxNetworkRetries defaults to 1 in stripe v15).
   */
  shouldRetry?: boolean
}

type Failure = { mode: FailMode; remaining: number; options: FailOptions }

type Charge = {
  id: string
  object: "charge"
  amount: number
  amount_captured: number
  amount_refunded: number
  captured: boolean
  created: number
  currency: string
  customer: string | null
  livemode: false
  metadata: Record<string, string>
  paid: boolean
  payment_intent: string
  payment_method: string | null
  refunded: boolean
  status: "succeeded" | "failed"
  [key: string]: unknown
}

type PaymentMethodBehaviour = "success" | "decline" | "insufficient_funds" | "authentication_required" | "processing"

export type FakeStripe = {
  port: number
  /** `http://127.0.0.1:<port>` */
  url: string
  host: string
  paymentIntents: Map<string, Stripe.PaymentIntent>
  customers: Map<string, Stripe.Customer | Stripe.DeletedCustomer>
  paymentMethods: Map<string, Stripe.PaymentMethod>
  refunds: Map<string, Stripe.Refund>
  charges: Map<string, Charge>
  setupIntents: Map<string, Record<string, unknown>>
  /** Every request received, in arrival order. */
  requests: StripeRequestLog[]
  /**
   * Every event Stripe would have sent for what happened on this server (created, succeeded,
   * canceled, refunded, …), in order. Nothing is delivered automatically: post them with
   * sendWebhook().
   */
  events: StripeEvent[]
  /** Requests matching a method and a path (string or RegExp). */
  requestsTo(method: string, path: string | RegExp): StripeRequestLog[]
  /**
   * The customer pays: the PaymentIntent gets a card payment method and a charge, and moves to
   * `succeeded` (automatic capture) or `requires_capture` (manual capture). Returns the event
   * Stripe would send: `payment_intent.succeeded` or `payment_intent.amount_capturable_updated`.
   */
  succeed(piId: string, options?: { paymentMethod?: string }): StripeEvent
  /**
   * The customer's payment fails: back to `requires_payment_method` with `last_payment_error`.
   * Returns the `payment_intent.payment_failed` event.
   */
  fail(piId: string, message?: string, options?: { code?: string; declineCode?: string }): StripeEvent
  /** An asynchronous payment method is processing. Returns `payment_intent.processing`. */
  process(piId: string): StripeEvent
  /** 3-D Secure or a redirect is needed. Returns `payment_intent.requires_action`. */
  requireAction(piId: string): StripeEvent
  /**
   * The next `times` requests (matching `options.method` / `options.path` when given) answer
   * `mode` instead: an HTTP status with a Stripe-shaped error, "hang" (no answer until the
   * client gives up, reset() or stop()), or "reset" (the connection is destroyed). Injected
   * failures are never stored against an Idempotency-Key.
   */
  failNext(mode: FailMode, times?: number, options?: FailOptions): void
  /** A real-shaped Stripe event carrying a snapshot of `object`. */
  webhookEvent(
    type: string,
    object: Stripe.PaymentIntent | Record<string, any>,
    previousAttributes?: Record<string, unknown>
  ): StripeEvent
  /** The `Stripe-Signature` header for `payload`, made by the real `stripe` library. */
  signWebhook(payload: string, secret?: string): string
  /**
   * POSTs `event` (an event object or an exact JSON string) to Medusa's Stripe webhook route
   * (`/hooks/payment/stripe_stripe` unless `options.path`), signed with `options.secret` (the
   * server's webhook secret by default) or with `options.signature` verbatim.
   */
  sendWebhook(
    medusaUrl: string,
    event: StripeEvent | string,
    options?: { secret?: string; signature?: string; path?: string }
  ): Promise<{ status: number; body: string }>
  /** Forgets all objects, requests, events, idempotency keys and pending failures; hung requests are dropped. */
  reset(): void
  /** Stops listening and drops open connections; idempotent. */
  stop(): Promise<void>
}

export type FakeStripeOptions = {
  /** Listen on this port instead of a free one. */
  port?: number
  /**
   * When set, requests must carry exactly this secret key; otherwise any `sk_test_…` /
   * `rk_test_…` key is accepted. A wrong or missing key answers 401 like Stripe.
   */
  apiKey?: string
  /** Default secret for signWebhook() / sendWebhook(); `whsec_test` unless given. */
  webhookSecret?: string
}

class StripeHttpError extends Error {
  constructor(
    public status: number,
    public error: StripeErrorBody,
    public headers: Record<string, string> = {}
  ) {
    super(error.message)
  }
}

const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"

function randomString(length: number): string {
  const bytes = crypto.randomBytes(length)
  let out = ""
  for (let i = 0; i < length; i++) {
    out += ALNUM[bytes[i] % ALNUM.length]
  }
  return out
}

function newId(prefix: string): string {
  return `${prefix}_${randomString(24)}`
}

function now(): number {
  return Math.floor(Date.now() / 1000)
}

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value))
}

const DOCS = "https://stripe.com/docs/error-codes"

function invalidRequest(message: string, code?: string, param?: string, status = 400): StripeHttpError {
  return new StripeHttpError(status, {
    type: "invalid_request_error",
    ...(code ? { code, doc_url: `${DOCS}/${code.replace(/_/g, "-")}` } : {}),
    message,
    ...(param ? { param } : {}),
  })
}

function missing(kind: string, id: string, param: string): StripeHttpError {
  return invalidRequest(`No such ${kind}: '${id}'`, "resource_missing", param, 404)
}

function unexpectedState(message: string, intent: Stripe.PaymentIntent): StripeHttpError {
  return new StripeHttpError(400, {
    type: "invalid_request_error",
    code: "payment_intent_unexpected_state",
    doc_url: `${DOCS}/payment-intent-unexpected-state`,
    message,
    payment_intent: clone(intent),
  })
}

function str(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined
}

function int(value: unknown, param: string): number | undefined {
  if (value === undefined) {
    return undefined
  }
  if (typeof value !== "string" || !/^-?\d+$/.test(value)) {
    throw invalidRequest(`Invalid integer: ${String(value)}`, "parameter_invalid_integer", param)
  }
  return parseInt(value, 10)
}

function bool(value: unknown): boolean | undefined {
  if (value === undefined) {
    return undefined
  }
  return value === "true"
}

function obj(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined
}

function list(value: unknown): string[] | undefined {
  if (Array.isArray(value)) {
    return value.map(String)
  }
  if (typeof value === "string") {
    return [value]
  }
  return undefined
}

/** Stripe metadata semantics: values are strings, "" unsets a key, `metadata=""` clears all. */
function mergeMetadata(current: Record<string, string>, update: unknown): Record<string, string> {
  if (update === "") {
    return {}
  }
  const patch = obj(update)
  if (!patch) {
    return current
  }
  const next = { ...current }
  for (const [key, value] of Object.entries(patch)) {
    if (key.length > 40) {
      throw invalidRequest(
        `Invalid metadata: metadata keys must be at most 40 characters long (${key}).`,
        "parameter_invalid_string_blank",
        `metadata[${key}]`
      )
    }
    if (value === "" || value === undefined) {
      delete next[key]
    } else {
      next[key] = String(value)
    }
  }
  if (Object.keys(next).length > 50) {
    throw invalidRequest("Invalid metadata: metadata can have up to 50 keys.", undefined, "metadata")
  }
  return next
}

/** Stripe's minimum charge amounts for a few common currencies (minor units). */
const MINIMUM_AMOUNTS: Record<string, [number, string]> = {
  usd: [50, "$0.50 usd"],
  eur: [50, "€0.50 eur"],
  gbp: [30, "£0.30 gbp"],
  cad: [50, "$0.50 cad"],
  aud: [50, "$0.50 aud"],
}

const CARD_TOKENS: Record<string, { brand: string; last4: string; behaviour: PaymentMethodBehaviour }> = {
  pm_card_visa: { brand: "visa", last4: "4242", behaviour: "success" },
  pm_card_mastercard: { brand: "mastercard", last4: "4444", behaviour: "success" },
  pm_card_amex: { brand: "amex", last4: "8431", behaviour: "success" },
  pm_card_chargeDeclined: { brand: "visa", last4: "0002", behaviour: "decline" },
  pm_card_visa_chargeDeclined: { brand: "visa", last4: "0002", behaviour: "decline" },
  pm_card_chargeDeclinedInsufficientFunds: { brand: "visa", last4: "9995", behaviour: "insufficient_funds" },
  pm_card_authenticationRequired: { brand: "visa", last4: "3184", behaviour: "authentication_required" },
  pm_card_threeDSecure2Required: { brand: "visa", last4: "3220", behaviour: "authentication_required" },
  pm_usBankAccount: { brand: "", last4: "6789", behaviour: "processing" },
}

const CANCELABLE = ["requires_payment_method", "requires_capture", "requires_confirmation", "requires_action", "processing"]
const CONFIRMABLE = ["requires_payment_method", "requires_confirmation", "requires_action"]

export async function startFakeStripe(options: FakeStripeOptions = {}): Promise<FakeStripe> {
  const webhookSecret = options.webhookSecret ?? DEFAULT_WEBHOOK_SECRET
  const paymentIntents = new Map<string, Stripe.PaymentIntent>()
  const customers = new Map<string, Stripe.Customer | Stripe.DeletedCustomer>()
  const paymentMethods = new Map<string, Stripe.PaymentMethod>()
  const behaviours = new Map<string, PaymentMethodBehaviour>()
  const refunds = new Map<string, Stripe.Refund>()
  const charges = new Map<string, Charge>()
  const setupIntents = new Map<string, Record<string, unknown>>()
  const requests: StripeRequestLog[] = []
  const events: StripeEvent[] = []
  const idempotency = new Map<string, { signature: string; status: number; body: string }>()
  let failures: Failure[] = []
  const hung = new Set<http.ServerResponse>()

  // ── events ──────────────────────────────────────────────────────────────────────────────
  function webhookEvent(
    type: string,
    object: Record<string, any>,
    previousAttributes?: Record<string, unknown>
  ): StripeEvent {
    return {
      id: newId("evt"),
      object: "event",
      api_version: FAKE_STRIPE_API_VERSION,
      created: now(),
      data: {
        object: clone(object),
        ...(previousAttributes ? { previous_attributes: clone(previousAttributes) } : {}),
      },
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      type,
    }
  }

  function record(type: string, object: Record<string, any>, previous?: Record<string, unknown>): StripeEvent {
    const event = webhookEvent(type, object, previous)
    events.push(event)
    return event
  }

  // ── payment methods ─────────────────────────────────────────────────────────────────────
  function createPaymentMethod(token: string, customer: string | null = null): Stripe.PaymentMethod {
    const spec = CARD_TOKENS[token] ?? CARD_TOKENS.pm_card_visa
    const id = newId("pm")
    const base = {
      id,
      object: "payment_method" as const,
      allow_redisplay: "unspecified" as const,
      billing_details: { address: null, email: null, name: null, phone: null },
      created: now(),
      customer,
      livemode: false,
      metadata: {},
    }
    const pm =
      spec.behaviour === "processing"
        ? {
            ...base,
            type: "us_bank_account",
            us_bank_account: {
              account_holder_type: "individual",
              account_type: "checking",
              bank_name: "STRIPE TEST BANK",
              financial_connections_account: null,
              fingerprint: randomString(16),
              last4: spec.last4,
              networks: { preferred: "ach", supported: ["ach"] },
              routing_number: "110000000",
              status_details: {},
            },
          }
        : {
            ...base,
            type: "card",
            card: {
              brand: spec.brand,
              checks: { address_line1_check: null, address_postal_code_check: null, cvc_check: "pass" },
              country: "US",
              display_brand: spec.brand,
              exp_month: 12,
              exp_year: new Date().getFullYear() + 3,
              fingerprint: randomString(16),
              funding: "credit",
              generated_from: null,
              last4: spec.last4,
              networks: { available: [spec.brand], preferred: null },
              three_d_secure_usage: { supported: true },
              wallet: null,
            },
          }
    paymentMethods.set(id, pm as unknown as Stripe.PaymentMethod)
    behaviours.set(id, spec.behaviour)
    return pm as unknown as Stripe.PaymentMethod
  }

  /** A `pm_…` id, or one of Stripe's test tokens (`pm_card_visa`, `pm_card_chargeDeclined`, …). */
  function resolvePaymentMethod(value: string, param: string): Stripe.PaymentMethod {
    const existing = paymentMethods.get(value)
    if (existing) {
      return existing
    }
    if (CARD_TOKENS[value]) {
      return createPaymentMethod(value)
    }
    throw invalidRequest(`No such PaymentMethod: '${value}'`, "resource_missing", param)
  }

  // ── rendering (expand) ──────────────────────────────────────────────────────────────────
  function render<T extends Record<string, any>>(value: T, expand: string[] | undefined): T {
    const out: Record<string, any> = clone(value)
    for (const path of expand ?? []) {
      const field = path.split(".")[0]
      const id = out[field]
      if (typeof id !== "string") {
        continue
      }
      const expanded =
        field === "payment_method"
          ? paymentMethods.get(id)
          : field === "latest_charge" || field === "charge"
            ? charges.get(id)
            : field === "customer"
              ? customers.get(id)
              : field === "payment_intent"
                ? paymentIntents.get(id)
                : undefined
      if (expanded) {
        out[field] = clone(expanded)
      }
    }
    return out as T
  }

  // ── payment intents ─────────────────────────────────────────────────────────────────────
  function getIntent(id: string): Stripe.PaymentIntent {
    const intent = paymentIntents.get(id)
    if (!intent) {
      throw missing("payment_intent", id, "intent")
    }
    return intent
  }

  function requireCustomer(id: string, param: string): void {
    const customer = customers.get(id)
    if (!customer || (customer as Stripe.DeletedCustomer).deleted) {
      throw invalidRequest(`No such customer: '${id}'`, "resource_missing", param)
    }
  }

  function validateAmount(amount: number | undefined, currency: string, param = "amount"): void {
    if (amount === undefined) {
      return
    }
    const minimum = MINIMUM_AMOUNTS[currency]
    if (amount < 1 || (minimum && amount < minimum[0])) {
      throw invalidRequest(
        `Amount must be at least ${minimum ? minimum[1] : `1 ${currency}`}`,
        "amount_too_small",
        param
      )
    }
    if (amount > 99_999_999) {
      throw invalidRequest(`Amount must be no more than 99999999 ${currency}`, "amount_too_large", param)
    }
  }

  function createCharge(intent: Stripe.PaymentIntent, captured: boolean): Charge {
    const charge: Charge = {
      id: newId("ch"),
      object: "charge",
      amount: intent.amount,
      amount_captured: captured ? intent.amount : 0,
      amount_refunded: 0,
      balance_transaction: captured ? newId("txn") : null,
      billing_details: { address: null, email: null, name: null, phone: null },
      captured,
      created: now(),
      currency: intent.currency,
      customer: typeof intent.customer === "string" ? intent.customer : null,
      description: intent.description,
      failure_code: null,
      failure_message: null,
      livemode: false,
      metadata: { ...intent.metadata },
      outcome: { network_status: "approved_by_network", reason: null, risk_level: "normal", seller_message: "Payment complete.", type: "authorized" },
      paid: true,
      payment_intent: intent.id,
      payment_method: typeof intent.payment_method === "string" ? intent.payment_method : null,
      receipt_url: `https://pay.stripe.com/receipts/payment/${randomString(40)}`,
      refunded: false,
      status: "succeeded",
    }
    charges.set(charge.id, charge)
    return charge
  }

  /** The customer's payment went through (at confirmation, or succeed()). */
  function markPaid(intent: Stripe.PaymentIntent): StripeEvent {
    const manual = intent.capture_method === "manual"
    const charge = createCharge(intent, !manual)
    intent.latest_charge = charge.id
    intent.last_payment_error = null
    intent.next_action = null
    intent.processing = null
    if (manual) {
      intent.status = "requires_capture"
      intent.amount_capturable = intent.amount
      return record("payment_intent.amount_capturable_updated", intent, { amount_capturable: 0 })
    }
    intent.status = "succeeded"
    intent.amount_received = intent.amount
    intent.amount_capturable = 0
    record("charge.succeeded", charge)
    return record("payment_intent.succeeded", intent)
  }

  function paymentError(
    intent: Stripe.PaymentIntent,
    message: string,
    code: string,
    declineCode: string | undefined,
    pm: Stripe.PaymentMethod | null
  ): Stripe.PaymentIntent.LastPaymentError {
    const charge = pm ? createCharge(intent, false) : null
    if (charge) {
      charge.paid = false
      charge.status = "failed"
      charge.failure_code = code
      charge.failure_message = message
      intent.latest_charge = charge.id
    }
    return {
      type: "card_error",
      code,
      ...(declineCode ? { decline_code: declineCode } : {}),
      doc_url: `${DOCS}/${code.replace(/_/g, "-")}`,
      message,
      ...(charge ? { charge: charge.id } : {}),
      payment_method: pm ? clone(pm) : undefined,
    } as Stripe.PaymentIntent.LastPaymentError
  }

  function markFailed(intent: Stripe.PaymentIntent, message: string, code: string, declineCode?: string): StripeEvent {
    const pmId = typeof intent.payment_method === "string" ? intent.payment_method : null
    const pm = pmId ? paymentMethods.get(pmId) ?? null : null
    intent.last_payment_error = paymentError(intent, message, code, declineCode, pm)
    intent.payment_method = null
    intent.status = "requires_payment_method"
    intent.next_action = null
    intent.processing = null
    return record("payment_intent.payment_failed", intent)
  }

  function confirmIntent(intent: Stripe.PaymentIntent, params: Record<string, unknown>): void {
    if (!CONFIRMABLE.includes(intent.status)) {
      throw unexpectedState(
        `This PaymentIntent's status is ${intent.status}, but must be one of requires_payment_method, requires_confirmation, or requires_action to be confirmed.`,
        intent
      )
    }
    const pmParam = str(params.payment_method)
    if (pmParam) {
      intent.payment_method = resolvePaymentMethod(pmParam, "payment_method").id
    }
    if (typeof intent.payment_method !== "string") {
      throw unexpectedState(
        "You cannot confirm this PaymentIntent because it's missing a payment method. You can either update the PaymentIntent with a payment method and then confirm it again, or confirm it again directly with a payment method or ConfirmationToken.",
        intent
      )
    }
    const returnUrl = str(params.return_url)
    const behaviour = behaviours.get(intent.payment_method) ?? "success"
    if (behaviour === "decline" || behaviour === "insufficient_funds") {
      const message =
        behaviour === "decline" ? "Your card was declined." : "Your card has insufficient funds."
      const pm = paymentMethods.get(intent.payment_method)!
      markFailed(intent, message, "card_declined", behaviour === "decline" ? "generic_decline" : "insufficient_funds")
      const lpe = intent.last_payment_error!
      throw new StripeHttpError(402, {
        type: "card_error",
        code: "card_declined",
        decline_code: lpe.decline_code,
        doc_url: `${DOCS}/card-declined`,
        message,
        charge: typeof lpe.charge === "string" ? lpe.charge : undefined,
        payment_intent: clone(intent),
        payment_method: clone(pm),
      })
    }
    if (behaviour === "authentication_required") {
      intent.status = "requires_action"
      intent.next_action = returnUrl
        ? {
            type: "redirect_to_url",
            redirect_to_url: {
              return_url: returnUrl,
              url: `https://hooks.stripe.com/3d_secure_2/hosted?merchant=acct_fake&payment_intent=${intent.id}`,
            },
          }
        : ({ type: "use_stripe_sdk", use_stripe_sdk: { type: "three_d_secure_redirect" } } as Stripe.PaymentIntent.NextAction)
      record("payment_intent.requires_action", intent)
      return
    }
    if (behaviour === "processing") {
      intent.status = "processing"
      record("payment_intent.processing", intent)
      return
    }
    markPaid(intent)
  }

  function createIntent(p: Record<string, unknown>): Stripe.PaymentIntent {
    const amount = int(p.amount, "amount")
    if (amount === undefined) {
      throw invalidRequest("Missing required param: amount.", "parameter_missing", "amount")
    }
    const currencyRaw = str(p.currency)
    if (!currencyRaw) {
      throw invalidRequest("Missing required param: currency.", "parameter_missing", "currency")
    }
    if (!/^[a-zA-Z]{3}$/.test(currencyRaw)) {
      throw invalidRequest(
        `Invalid currency: ${currencyRaw.toLowerCase()}. Stripe currently supports these currencies: usd, eur, gbp, …`,
        "parameter_invalid_string_blank",
        "currency"
      )
    }
    const currency = currencyRaw.toLowerCase()
    validateAmount(amount, currency)
    const captureMethod = (str(p.capture_method) ?? "automatic_async") as Stripe.PaymentIntent.CaptureMethod
    if (!["automatic", "automatic_async", "manual"].includes(captureMethod)) {
      throw invalidRequest(
        `Invalid capture_method: must be one of automatic, automatic_async, or manual`,
        "parameter_invalid_string_blank",
        "capture_method"
      )
    }
    const customer = str(p.customer) ?? null
    if (customer) {
      requireCustomer(customer, "customer")
    }
    const explicitTypes = list(p.payment_method_types)
    const automatic = obj(p.automatic_payment_methods)
    // Since API version 2023-08-16, automatic payment methods are on unless types are given.
    const automaticEnabled = automatic ? automatic.enabled === "true" : !explicitTypes
    const pmParam = str(p.payment_method)
    const pm = pmParam ? resolvePaymentMethod(pmParam, "payment_method") : null
    const id = newId("pi")
    const intent: Stripe.PaymentIntent = {
      id,
      object: "payment_intent",
      amount,
      amount_capturable: 0,
      amount_details: { tip: {} },
      amount_received: 0,
      application: null,
      application_fee_amount: null,
      automatic_payment_methods: automaticEnabled
        ? {
            allow_redirects: (automatic?.allow_redirects as "always" | "never" | undefined) ?? "always",
            enabled: true,
          }
        : null,
      canceled_at: null,
      cancellation_reason: null,
      capture_method: captureMethod,
      client_secret: `${id}_secret_${randomString(25)}`,
      confirmation_method: (str(p.confirmation_method) ?? "automatic") as Stripe.PaymentIntent.ConfirmationMethod,
      created: now(),
      currency,
      customer,
      description: str(p.description) ?? null,
      invoice: null,
      last_payment_error: null,
      latest_charge: null,
      livemode: false,
      metadata: mergeMetadata({}, p.metadata),
      next_action: null,
      on_behalf_of: str(p.on_behalf_of) ?? null,
      payment_method: pm ? pm.id : null,
      payment_method_configuration_details: automaticEnabled
        ? { id: str(p.payment_method_configuration) ?? "pmc_fake_default", parent: null }
        : null,
      payment_method_options: {
        card: { installments: null, mandate_options: null, network: null, request_three_d_secure: "automatic" },
        ...((obj(p.payment_method_options) ?? {}) as Record<string, any>),
      } as Stripe.PaymentIntent.PaymentMethodOptions,
      payment_method_types: explicitTypes ?? ["card"],
      processing: null,
      receipt_email: str(p.receipt_email) ?? null,
      review: null,
      setup_future_usage: (str(p.setup_future_usage) ?? null) as Stripe.PaymentIntent.SetupFutureUsage | null,
      shipping: null,
      source: null,
      statement_descriptor: str(p.statement_descriptor) ?? null,
      statement_descriptor_suffix: str(p.statement_descriptor_suffix) ?? null,
      status: pm ? "requires_confirmation" : "requires_payment_method",
      transfer_data: null,
      transfer_group: str(p.transfer_group) ?? null,
    }
    paymentIntents.set(id, intent)
    record("payment_intent.created", intent)
    if (bool(p.confirm)) {
      confirmIntent(intent, { return_url: p.return_url })
    }
    return intent
  }

  function updateIntent(intent: Stripe.PaymentIntent, p: Record<string, unknown>): Stripe.PaymentIntent {
    if (["succeeded", "canceled", "processing"].includes(intent.status)) {
      throw unexpectedState(
        `You cannot update this PaymentIntent because it has a status of ${intent.status}. Updates are only allowed when the PaymentIntent has one of the following statuses: requires_payment_method, requires_confirmation, requires_action, requires_capture.`,
        intent
      )
    }
    const amount = int(p.amount, "amount")
    const currency = str(p.currency)?.toLowerCase()
    if ((amount !== undefined || currency) && intent.status === "requires_capture") {
      throw unexpectedState(
        `This PaymentIntent's amount could not be updated because it has a status of requires_capture. You may only update the amount of a PaymentIntent with one of the following statuses: requires_payment_method, requires_confirmation, requires_action.`,
        intent
      )
    }
    validateAmount(amount ?? intent.amount, currency ?? intent.currency)
    if (amount !== undefined) {
      intent.amount = amount
    }
    if (currency) {
      intent.currency = currency
    }
    if (p.metadata !== undefined) {
      intent.metadata = mergeMetadata(intent.metadata, p.metadata)
    }
    const customer = str(p.customer)
    if (customer) {
      requireCustomer(customer, "customer")
      intent.customer = customer
    }
    const pmParam = str(p.payment_method)
    if (pmParam) {
      intent.payment_method = resolvePaymentMethod(pmParam, "payment_method").id
      if (intent.status === "requires_payment_method") {
        intent.status = "requires_confirmation"
      }
    }
    if (p.description !== undefined) {
      intent.description = str(p.description) || null
    }
    if (p.receipt_email !== undefined) {
      intent.receipt_email = str(p.receipt_email) || null
    }
    const captureMethod = str(p.capture_method)
    if (captureMethod) {
      intent.capture_method = captureMethod as Stripe.PaymentIntent.CaptureMethod
    }
    const setupFutureUsage = str(p.setup_future_usage)
    if (setupFutureUsage !== undefined) {
      intent.setup_future_usage = (setupFutureUsage || null) as Stripe.PaymentIntent.SetupFutureUsage | null
    }
    const types = list(p.payment_method_types)
    if (types) {
      intent.payment_method_types = types
    }
    return intent
  }

  function captureIntent(intent: Stripe.PaymentIntent, p: Record<string, unknown>): Stripe.PaymentIntent {
    if (intent.status !== "requires_capture") {
      throw unexpectedState(
        `This PaymentIntent could not be captured because it has a status of ${intent.status}. Only a PaymentIntent with one of the following statuses may be captured: requires_capture.`,
        intent
      )
    }
    const amount = int(p.amount_to_capture, "amount_to_capture") ?? intent.amount_capturable
    if (amount > intent.amount_capturable) {
      throw invalidRequest(
        `The amount_to_capture (${amount}) must be less than or equal to the amount_capturable (${intent.amount_capturable}).`,
        "amount_too_large",
        "amount_to_capture"
      )
    }
    intent.status = "succeeded"
    intent.amount_received = amount
    intent.amount_capturable = 0
    const charge = typeof intent.latest_charge === "string" ? charges.get(intent.latest_charge) : undefined
    if (charge) {
      charge.captured = true
      charge.amount_captured = amount
      charge.balance_transaction = newId("txn")
      record("charge.captured", charge)
    }
    record("payment_intent.succeeded", intent)
    return intent
  }

  function cancelIntent(intent: Stripe.PaymentIntent, p: Record<string, unknown>): Stripe.PaymentIntent {
    if (!CANCELABLE.includes(intent.status)) {
      throw unexpectedState(
        `You cannot cancel this PaymentIntent because it has a status of ${intent.status}. Only a PaymentIntent with one of the following statuses may be canceled: ${CANCELABLE.join(", ")}.`,
        intent
      )
    }
    intent.status = "canceled"
    intent.canceled_at = now()
    intent.cancellation_reason = (str(p.cancellation_reason) ?? null) as Stripe.PaymentIntent.CancellationReason | null
    intent.amount_capturable = 0
    intent.next_action = null
    record("payment_intent.canceled", intent)
    return intent
  }

  // ── refunds ─────────────────────────────────────────────────────────────────────────────
  function createRefund(p: Record<string, unknown>): Stripe.Refund {
    const piId = str(p.payment_intent)
    const chargeId = str(p.charge)
    let charge: Charge | undefined
    let intent: Stripe.PaymentIntent | undefined
    if (piId) {
      intent = paymentIntents.get(piId)
      if (!intent) {
        throw invalidRequest(`No such payment_intent: '${piId}'`, "resource_missing", "payment_intent")
      }
      charge = typeof intent.latest_charge === "string" ? charges.get(intent.latest_charge) : undefined
      if (!charge || intent.status !== "succeeded") {
        throw invalidRequest(
          `This PaymentIntent (${piId}) does not have a successful charge to refund.`,
          undefined,
          "payment_intent"
        )
      }
    } else if (chargeId) {
      charge = charges.get(chargeId)
      if (!charge) {
        throw invalidRequest(`No such charge: '${chargeId}'`, "resource_missing", "charge")
      }
      intent = paymentIntents.get(charge.payment_intent)
    } else {
      throw invalidRequest("One of the following params should be provided for this request: payment_intent or charge.", "parameter_missing")
    }
    if (charge.refunded) {
      throw invalidRequest(`Charge ${charge.id} has already been refunded.`, "charge_already_refunded")
    }
    const remaining = charge.amount_captured - charge.amount_refunded
    const amount = int(p.amount, "amount") ?? remaining
    if (amount < 1) {
      throw invalidRequest("Refund amount must be greater than 0.", "amount_too_small", "amount")
    }
    if (amount > remaining) {
      throw invalidRequest(
        `Refund amount (${amount}) is greater than unrefunded amount on charge (${remaining})`,
        "amount_too_large",
        "amount"
      )
    }
    charge.amount_refunded += amount
    charge.refunded = charge.amount_refunded >= charge.amount_captured
    const refund: Stripe.Refund = {
      id: newId("re"),
      object: "refund",
      amount,
      balance_transaction: newId("txn"),
      charge: charge.id,
      created: now(),
      currency: charge.currency,
      destination_details: { card: { reference_status: "pending", reference_type: "acquirer_reference_number", type: "refund" }, type: "card" } as Stripe.Refund.DestinationDetails,
      metadata: mergeMetadata({}, p.metadata),
      payment_intent: intent?.id ?? null,
      reason: (str(p.reason) ?? null) as Stripe.Refund.Reason | null,
      receipt_number: null,
      source_transfer_reversal: null,
      status: "succeeded",
      transfer_reversal: null,
    }
    refunds.set(refund.id, refund)
    record("charge.refunded", charge)
    return refund
  }

  // ── customers ───────────────────────────────────────────────────────────────────────────
  function customerFields(p: Record<string, unknown>): Partial<Stripe.Customer> {
    const fields: Partial<Stripe.Customer> = {}
    if (p.email !== undefined) fields.email = str(p.email) || null
    if (p.name !== undefined) fields.name = str(p.name) || null
    if (p.phone !== undefined) fields.phone = str(p.phone) || null
    if (p.description !== undefined) fields.description = str(p.description) || null
    const address = obj(p.address)
    if (address) {
      fields.address = {
        city: str(address.city) ?? null,
        country: str(address.country) ?? null,
        line1: str(address.line1) ?? null,
        line2: str(address.line2) ?? null,
        postal_code: str(address.postal_code) ?? null,
        state: str(address.state) ?? null,
      }
    }
    const shipping = obj(p.shipping)
    if (shipping) {
      fields.shipping = clone(shipping) as unknown as Stripe.Customer.Shipping
    }
    return fields
  }

  function createCustomer(p: Record<string, unknown>): Stripe.Customer {
    const customer: Stripe.Customer = {
      id: newId("cus"),
      object: "customer",
      address: null,
      balance: 0,
      created: now(),
      currency: null,
      default_source: null,
      delinquent: false,
      description: null,
      discount: null,
      email: null,
      invoice_prefix: randomString(8).toUpperCase(),
      invoice_settings: { custom_fields: null, default_payment_method: null, footer: null, rendering_options: null },
      livemode: false,
      metadata: mergeMetadata({}, p.metadata),
      name: null,
      next_invoice_sequence: 1,
      phone: null,
      preferred_locales: [],
      shipping: null,
      tax_exempt: "none",
      test_clock: null,
      ...customerFields(p),
    }
    customers.set(customer.id, customer)
    record("customer.created", customer)
    return customer
  }

  function getCustomer(id: string): Stripe.Customer {
    const customer = customers.get(id)
    if (!customer || (customer as Stripe.DeletedCustomer).deleted) {
      throw missing("customer", id, "id")
    }
    return customer as Stripe.Customer
  }

  // ── routing ─────────────────────────────────────────────────────────────────────────────
  type Result = { status: number; body: unknown }

  function route(method: string, path: string, p: Record<string, unknown>): Result {
    const expand = list(p.expand)
    const ok = (body: Record<string, any>): Result => ({ status: 200, body: render(body, expand) })
    let m: RegExpExecArray | null

    if (path === "/v1/payment_intents") {
      if (method === "POST") {
        return ok(createIntent(p))
      }
      if (method === "GET") {
        const customer = str(p.customer)
        const limit = int(p.limit, "limit") ?? 10
        const data = [...paymentIntents.values()]
          .filter((pi) => !customer || pi.customer === customer)
          .reverse()
        return {
          status: 200,
          body: { object: "list", data: data.slice(0, limit).map((pi) => render(pi, expand)), has_more: data.length > limit, url: path },
        }
      }
    }
    if ((m = /^\/v1\/payment_intents\/([^/]+)$/.exec(path))) {
      const intent = getIntent(m[1])
      if (method === "GET") {
        return ok(intent)
      }
      if (method === "POST") {
        return ok(updateIntent(intent, p))
      }
    }
    if ((m = /^\/v1\/payment_intents\/([^/]+)\/(confirm|capture|cancel)$/.exec(path)) && method === "POST") {
      const intent = getIntent(m[1])
      if (m[2] === "confirm") {
        confirmIntent(intent, p)
        return ok(intent)
      }
      return ok(m[2] === "capture" ? captureIntent(intent, p) : cancelIntent(intent, p))
    }
    if (path === "/v1/refunds" && method === "POST") {
      return ok(createRefund(p))
    }
    if ((m = /^\/v1\/refunds\/([^/]+)$/.exec(path)) && method === "GET") {
      const refund = refunds.get(m[1])
      if (!refund) {
        throw missing("refund", m[1], "id")
      }
      return ok(refund)
    }
    if ((m = /^\/v1\/charges\/([^/]+)$/.exec(path)) && method === "GET") {
      const charge = charges.get(m[1])
      if (!charge) {
        throw missing("charge", m[1], "id")
      }
      return ok(charge)
    }
    if (path === "/v1/customers" && method === "POST") {
      return ok(createCustomer(p))
    }
    if ((m = /^\/v1\/customers\/([^/]+)$/.exec(path))) {
      const id = m[1]
      if (method === "GET") {
        const customer = customers.get(id)
        if (!customer) {
          throw missing("customer", id, "id")
        }
        return ok(customer)
      }
      if (method === "POST") {
        const customer = getCustomer(id)
        Object.assign(customer, customerFields(p))
        if (p.metadata !== undefined) {
          customer.metadata = mergeMetadata(customer.metadata, p.metadata)
        }
        record("customer.updated", customer)
        return ok(customer)
      }
      if (method === "DELETE") {
        getCustomer(id)
        const deleted: Stripe.DeletedCustomer = { id, object: "customer", deleted: true }
        customers.set(id, deleted)
        record("customer.deleted", deleted)
        return ok(deleted)
      }
    }
    if ((m = /^\/v1\/customers\/([^/]+)\/payment_methods$/.exec(path)) && method === "GET") {
      const id = m[1]
      getCustomer(id)
      const limit = int(p.limit, "limit") ?? 10
      const data = [...paymentMethods.values()].filter((pm) => pm.customer === id)
      return {
        status: 200,
        body: { object: "list", data: data.slice(0, limit), has_more: data.length > limit, url: path },
      }
    }
    if ((m = /^\/v1\/payment_methods\/([^/]+)$/.exec(path)) && method === "GET") {
      const pm = paymentMethods.get(m[1])
      if (!pm) {
        throw invalidRequest(`No such PaymentMethod: '${m[1]}'`, "resource_missing", "payment_method", 404)
      }
      return ok(pm)
    }
    if ((m = /^\/v1\/payment_methods\/([^/]+)\/(attach|detach)$/.exec(path)) && method === "POST") {
      const pm = paymentMethods.get(m[1]) ?? (CARD_TOKENS[m[1]] ? resolvePaymentMethod(m[1], "payment_method") : undefined)
      if (!pm) {
        throw invalidRequest(`No such PaymentMethod: '${m[1]}'`, "resource_missing", "payment_method", 404)
      }
      if (m[2] === "attach") {
        const customer = str(p.customer)
        if (!customer) {
          throw invalidRequest("Missing required param: customer.", "parameter_missing", "customer")
        }
        requireCustomer(customer, "customer")
        pm.customer = customer
        record("payment_method.attached", pm)
      } else {
        if (!pm.customer) {
          throw invalidRequest(
            "The payment method you provided is not attached to a customer so detachment is impossible.",
            "payment_method_unexpected_state"
          )
        }
        pm.customer = null
        record("payment_method.detached", pm)
      }
      return ok(pm)
    }
    if (path === "/v1/setup_intents" && method === "POST") {
      const customer = str(p.customer) ?? null
      if (customer) {
        requireCustomer(customer, "customer")
      }
      const id = newId("seti")
      const pmParam = str(p.payment_method)
      const setupIntent = {
        id,
        object: "setup_intent",
        application: null,
        automatic_payment_methods: list(p.payment_method_types) ? null : { allow_redirects: "always", enabled: true },
        cancellation_reason: null,
        client_secret: `${id}_secret_${randomString(25)}`,
        created: now(),
        customer,
        description: str(p.description) ?? null,
        last_setup_error: null,
        latest_attempt: null,
        livemode: false,
        mandate: null,
        metadata: mergeMetadata({}, p.metadata),
        next_action: null,
        on_behalf_of: null,
        payment_method: pmParam ? resolvePaymentMethod(pmParam, "payment_method").id : null,
        payment_method_options: {},
        payment_method_types: list(p.payment_method_types) ?? ["card"],
        single_use_mandate: null,
        status: pmParam ? "requires_confirmation" : "requires_payment_method",
        usage: str(p.usage) ?? "off_session",
      }
      setupIntents.set(id, setupIntent)
      return ok(setupIntent)
    }
    throw invalidRequest(
      `Unrecognized request URL (${method}: ${path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`,
      undefined,
      undefined,
      404
    )
  }

  // ── failure injection ───────────────────────────────────────────────────────────────────
  function takeFailure(method: string, path: string): Failure | undefined {
    const failure = failures.find(
      (f) =>
        f.remaining > 0 &&
        (!f.options.method || f.options.method.toUpperCase() === method) &&
        (!f.options.path ||
          (typeof f.options.path === "string" ? f.options.path === path : f.options.path.test(path)))
    )
    if (failure) {
      failure.remaining -= 1
      failures = failures.filter((f) => f.remaining > 0)
    }
    return failure
  }

  function injectedError(status: number, options: FailOptions): StripeErrorBody {
    const defaults: Record<number, Omit<StripeErrorBody, "message"> & { message: string }> = {
      400: { type: "invalid_request_error", message: "Invalid request (injected by the fake Stripe server)." },
      401: { type: "invalid_request_error", message: "Invalid API Key provided: sk_test_****" },
      402: { type: "card_error", code: "card_declined", decline_code: "generic_decline", message: "Your card was declined." },
      403: { type: "invalid_request_error", message: "The provided key does not have the required permissions for this endpoint." },
      404: { type: "invalid_request_error", code: "resource_missing", message: "No such object (injected by the fake Stripe server)." },
      409: { type: "invalid_request_error", code: "lock_timeout", message: "This object cannot be accessed right now because another API request or Stripe process is currently accessing it." },
      429: { type: "invalid_request_error", code: "rate_limit", message: "Request rate limit exceeded. Learn more about rate limits here https://stripe.com/docs/rate-limits." },
    }
    const base = defaults[status] ?? {
      type: "api_error",
      message: "An unknown error occurred (injected by the fake Stripe server).",
    }
    return {
      ...base,
      ...(options.type ? { type: options.type } : {}),
      ...(options.code ? { code: options.code } : {}),
      ...(options.message ? { message: options.message } : {}),
    }
  }

  // ── HTTP ────────────────────────────────────────────────────────────────────────────────
  function send(
    res: http.ServerResponse,
    entry: StripeRequestLog,
    status: number,
    body: string,
    headers: Record<string, string> = {}
  ): void {
    entry.status = status
    res.writeHead(status, {
      "content-type": "application/json",
      "content-length": Buffer.byteLength(body),
      "request-id": `req_${randomString(14)}`,
      "stripe-version": entry.stripeVersion ?? FAKE_STRIPE_API_VERSION,
      ...(entry.idempotencyKey ? { "idempotency-key": entry.idempotencyKey, "original-request": `req_${randomString(14)}` } : {}),
      ...headers,
    })
    res.end(body)
  }

  function errorBody(error: StripeErrorBody): string {
    return JSON.stringify({ error: { ...error, request_log_url: `https://dashboard.stripe.com/test/logs/req_${randomString(14)}` } }, null, 2)
  }

  function checkAuth(header: string | undefined): StripeHttpError | undefined {
    const bearer = header?.startsWith("Bearer ") ? header.slice(7) : undefined
    const basic = header?.startsWith("Basic ")
      ? Buffer.from(header.slice(6), "base64").toString("utf8").split(":")[0]
      : undefined
    const key = bearer ?? basic
    if (!key) {
      return new StripeHttpError(401, {
        type: "invalid_request_error",
        message:
          "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').",
      })
    }
    const valid = options.apiKey ? key === options.apiKey : /^(sk|rk)_test_\w+$/.test(key)
    if (!valid) {
      return new StripeHttpError(401, {
        type: "invalid_request_error",
        message: `Invalid API Key provided: ${key.slice(0, 8)}${"*".repeat(Math.max(0, key.length - 12))}${key.slice(-4)}`,
      })
    }
    return undefined
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = []
    for await (const chunk of req) {
      chunks.push(chunk as Buffer)
    }
    const rawBody = Buffer.concat(chunks).toString("utf8")
    const url = new URL(req.url ?? "/", "http://127.0.0.1")
    const method = (req.method ?? "GET").toUpperCase()
    const path = url.pathname
    const query = parseStripeForm(url.search.slice(1))
    const body = parseStripeForm(rawBody)
    const header = (name: string) => {
      const value = req.headers[name]
      return Array.isArray(value) ? value[0] : value
    }
    const entry: StripeRequestLog = {
      method,
      path,
      query,
      body,
      rawBody,
      idempotencyKey: header("idempotency-key"),
      stripeVersion: header("stripe-version"),
      at: Date.now(),
    }
    requests.push(entry)

    const failure = takeFailure(method, path)
    if (failure) {
      entry.injected = true
      if (failure.mode === "hang") {
        hung.add(res)
        res.on("close", () => hung.delete(res))
        return
      }
      if (failure.mode === "reset") {
        req.socket.destroy()
        return
      }
      const headers: Record<string, string> =
        failure.options.shouldRetry === undefined
          ? {}
          : { "stripe-should-retry": String(failure.options.shouldRetry) }
      send(res, entry, failure.mode, errorBody(injectedError(failure.mode, failure.options)), headers)
      return
    }

    const authError = checkAuth(header("authorization"))
    if (authError) {
      send(res, entry, authError.status, errorBody(authError.error))
      return
    }

    // Stripe replays the stored answer for a key already used with the same request, and
    // refuses the key for a different one. Keys are scoped to POST requests.
    const idemKey = method === "POST" ? entry.idempotencyKey : undefined
    const signature = `${method} ${path} ${rawBody}`
    if (idemKey) {
      const stored = idempotency.get(idemKey)
      if (stored) {
        if (stored.signature !== signature) {
          send(
            res,
            entry,
            400,
            errorBody({
              type: "idempotency_error",
              message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idemKey}' if you meant to execute a different request.`,
            })
          )
          return
        }
        entry.replayed = true
        send(res, entry, stored.status, stored.body, { "idempotent-replayed": "true" })
        return
      }
    }

    // The SDK sends GET / DELETE parameters in the query string and POST parameters in the body.
    const params = { ...query, ...body }
    let status: number
    let responseBody: string
    let headers: Record<string, string> = {}
    try {
      const result = route(method, path, params)
      status = result.status
      responseBody = JSON.stringify(result.body, null, 2)
    } catch (error) {
      if (!(error instanceof StripeHttpError)) {
        status = 500
        responseBody = errorBody({ type: "api_error", message: `Fake Stripe server bug: ${(error as Error).message}` })
      } else {
        status = error.status
        responseBody = errorBody(error.error)
        headers = error.headers
      }
    }
    if (idemKey) {
      idempotency.set(idemKey, { signature, status, body: responseBody })
    }
    send(res, entry, status, responseBody, headers)
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: Error) => {
      if (!res.headersSent) {
        res.writeHead(500, { "content-type": "application/json" })
        res.end(JSON.stringify({ error: { type: "api_error", message: error.message } }))
      }
    })
  })

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject)
    server.listen(options.port ?? 0, "127.0.0.1", () => {
      server.off("error", reject)
      resolve()
    })
  })
  server.on("clientError", (_error, socket) => socket.destroy())
  const port = (server.address() as AddressInfo).port
  let stopped: Promise<void> | null = null

  function dropHung(): void {
    for (const res of hung) {
      res.socket?.destroy()
    }
    hung.clear()
  }

  function intentFor(piId: string, allowed: string[], action: string): Stripe.PaymentIntent {
    const intent = paymentIntents.get(piId)
    if (!intent) {
      throw new Error(`fake-stripe: no PaymentIntent ${piId}`)
    }
    if (!allowed.includes(intent.status)) {
      throw new Error(`fake-stripe: cannot ${action} ${piId} in status ${intent.status}`)
    }
    return intent
  }

  const fake: FakeStripe = {
    port,
    url: `http://127.0.0.1:${port}`,
    host: "127.0.0.1",
    paymentIntents,
    customers,
    paymentMethods,
    refunds,
    charges,
    setupIntents,
    requests,
    events,
    requestsTo(method, path) {
      return requests.filter(
        (r) => r.method === method.toUpperCase() && (typeof path === "string" ? r.path === path : path.test(r.path))
      )
    },
    succeed(piId, opts = {}) {
      const intent = intentFor(piId, [...CONFIRMABLE, "processing"], "succeed")
      if (opts.paymentMethod || typeof intent.payment_method !== "string") {
        intent.payment_method = resolvePaymentMethod(opts.paymentMethod ?? "pm_card_visa", "payment_method").id
      }
      return markPaid(intent)
    },
    fail(piId, message = "Your card was declined.", opts = {}) {
      const intent = intentFor(piId, [...CONFIRMABLE, "processing"], "fail")
      if (typeof intent.payment_method !== "string") {
        intent.payment_method = resolvePaymentMethod("pm_card_chargeDeclined", "payment_method").id
      }
      return markFailed(intent, message, opts.code ?? "card_declined", opts.declineCode ?? "generic_decline")
    },
    process(piId) {
      const intent = intentFor(piId, CONFIRMABLE, "process")
      if (typeof intent.payment_method !== "string") {
        intent.payment_method = resolvePaymentMethod("pm_usBankAccount", "payment_method").id
      }
      intent.status = "processing"
      return record("payment_intent.processing", intent)
    },
    requireAction(piId) {
      const intent = intentFor(piId, CONFIRMABLE, "require action on")
      if (typeof intent.payment_method !== "string") {
        intent.payment_method = resolvePaymentMethod("pm_card_threeDSecure2Required", "payment_method").id
      }
      intent.status = "requires_action"
      intent.next_action = { type: "use_stripe_sdk", use_stripe_sdk: { type: "three_d_secure_redirect" } } as Stripe.PaymentIntent.NextAction
      return record("payment_intent.requires_action", intent)
    },
    failNext(mode, times = 1, opts = {}) {
      failures.push({ mode, remaining: times, options: opts })
    },
    webhookEvent(type, object, previousAttributes) {
      return webhookEvent(type, object as Record<string, any>, previousAttributes)
    },
    signWebhook(payload, secret = webhookSecret) {
      return Stripe.webhooks.generateTestHeaderString({ payload, secret })
    },
    async sendWebhook(medusaUrl, event, opts = {}) {
      const payload = typeof event === "string" ? event : JSON.stringify(event, null, 2)
      const signature = opts.signature ?? fake.signWebhook(payload, opts.secret ?? webhookSecret)
      const response = await fetch(new URL(opts.path ?? MEDUSA_STRIPE_WEBHOOK_PATH, medusaUrl), {
        method: "POST",
        headers: {
          "content-type": "application/json; charset=utf-8",
          "stripe-signature": signature,
          "user-agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
        },
        body: payload,
      })
      return { status: response.status, body: await response.text() }
    },
    reset() {
      paymentIntents.clear()
      customers.clear()
      paymentMethods.clear()
      behaviours.clear()
      refunds.clear()
      charges.clear()
      setupIntents.clear()
      requests.length = 0
      events.length = 0
      idempotency.clear()
      failures = []
      dropHung()
    },
    stop() {
      if (!stopped) {
        dropHung()
        stopped = new Promise<void>((resolve) => {
          server.close(() => resolve())
          server.closeAllConnections()
        })
      }
      return stopped
    },
  }
  return fake
}
