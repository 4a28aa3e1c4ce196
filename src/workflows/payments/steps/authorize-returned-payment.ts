import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { ReturnedPaymentSession } from "./find-returned-payment-session"

/**
 * Asks Stripe, through Medusa's Payment Module, what became of the session's PaymentIntent, as
 * the webhook path (`processPaymentWorkflow`) does: a succeeded intent becomes a captured Medusa
 * payment (the module is idempotent: a session the webhook already authorized returns its
 * payment). Anything else (processing, refused, not confirmed, Stripe unreachable) is no payment
 * yet; the module stores the intent's latest state on the session, and the customer is told from
 * it. That is an expected answer, not an error, so nothing is logged. No compensation: money
 * Stripe took stays taken (the capture workflow refunds what exceeds the amount due).
 */
export const authorizeReturnedPaymentStep = createStep(
  "authorize-returned-payment",
  async (session: ReturnedPaymentSession, { container }) => {
    const payment = await container
      .resolve(Modules.PAYMENT)
      .authorizePaymentSession(session.id, {})
      .catch(() => null)
    return new StepResponse({ payment_id: payment?.id ?? null })
  }
)
