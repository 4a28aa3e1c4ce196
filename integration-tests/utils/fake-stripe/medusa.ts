import { Modules } from "@medusajs/framework/utils"

type Resolver = { resolve<T = unknown>(key: string): T }

/**
 * Makes Medusa process Stripe webhooks `delayMs` after acknowledging them instead of 5 s.
 *
 * Medusa 2.21.2's route `POST /hooks/payment/:provider` delays the event by
 * `req.scope.resolve(Modules.PAYMENT).options?.webhook_delay || 5000`, but the Payment Module
 * service never exposes its options as `.options`, so the `webhook_delay` module option in
 * medusa-config.ts is not seen and every webhook waits 5 s. The route reads the property on each
 * request, so setting it on the module service (a singleton) gives the route the value it was
 * meant to read. Returns the previous value of `.options` (undefined in 2.21.2).
 */
export function useFastWebhooks(container: Resolver, delayMs = 1): unknown {
  const paymentModule = container.resolve<{ options?: Record<string, unknown> }>(Modules.PAYMENT)
  const previous = paymentModule.options
  paymentModule.options = { ...(previous ?? {}), webhook_delay: Math.max(1, delayMs) }
  return previous
}
