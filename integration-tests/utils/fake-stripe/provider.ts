import Stripe from "stripe"
import StripeProviderService from "@medusajs/payment-stripe/dist/services/stripe-provider"
import type { StripeOptions } from "@medusajs/payment-stripe/dist/types"

export type FakeStripeProviderOptions = StripeOptions & {
  /** Host of the fake Stripe API (e.g. 127.0.0.1). Without it the client talks to api.stripe.com. */
  apiHost?: string
  apiPort?: number | string
  /** "http" unless given. */
  apiProtocol?: "http" | "https"
  /** Per-request timeout in ms for the stripe SDK (its default is 80 000). */
  apiTimeout?: number | string
  /** The stripe SDK's own retries per call (its default is 1). */
  apiMaxNetworkRetries?: number | string
}

function optionalNumber(value: number | string | undefined): number | undefined {
  if (value === undefined || value === null || value === "") {
    return undefined
  }
  const n = Number(value)
  return Number.isFinite(n) ? n : undefined
}

/**
 * @medusajs/payment-stripe's StripeProviderService (identifier "stripe", so registered with
 * `id: "stripe"` it is `pp_stripe_stripe`), unchanged except for its client: the provider builds
 * `new Stripe(options.apiKey)`, which always talks to api.stripe.com; this subclass rebuilds
 * `this.stripe_` against the host / port / protocol given in its options (the test harness's
 * fake Stripe server). Every provider method runs the package's own code.
 */
export class FakeStripeProviderService extends StripeProviderService {
  constructor(cradle: Record<string, unknown>, options: FakeStripeProviderOptions) {
    super(cradle, options)
    if (options.apiHost) {
      const timeout = optionalNumber(options.apiTimeout)
      const maxNetworkRetries = optionalNumber(options.apiMaxNetworkRetries)
      this.stripe_ = new Stripe(options.apiKey, {
        host: options.apiHost,
        port: optionalNumber(options.apiPort),
        protocol: options.apiProtocol ?? "http",
        ...(timeout !== undefined ? { timeout } : {}),
        ...(maxNetworkRetries !== undefined ? { maxNetworkRetries } : {}),
      })
    }
  }

  /** The client in use (for tests that want to call the fake API the way the provider does). */
  get stripeClient(): Stripe {
    return this.stripe_
  }
}

export default FakeStripeProviderService
