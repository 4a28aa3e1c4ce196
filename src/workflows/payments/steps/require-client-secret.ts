import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

/**
 * @medusajs/payment-stripe swallows a Stripe failure on create and returns a session with no
 * PaymentIntent. Such a session must not be shown (Stripe.js cannot mount it) nor reused: it is
 * dropped and the customer is told to try again.
 */
export const requireClientSecretStep = createStep(
  "require-payment-client-secret",
  async (session: { id: string; client_secret: string | null }, { container }) => {
    if (!session.client_secret) {
      await container
        .resolve(Modules.PAYMENT)
        .deletePaymentSession(session.id)
        .catch(() => undefined)
      throw new MedusaError(
        MedusaError.Types.UNEXPECTED_STATE,
        "The payment provider did not answer. Nothing was charged; please try again in a few minutes."
      )
    }
    return new StepResponse(undefined)
  }
)
