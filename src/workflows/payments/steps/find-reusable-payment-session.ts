import { MathBN, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

/**
 * A pending Stripe session for the collection's current amount, if there is one: a reload or a
 * second click must show the same PaymentIntent, not create another.
 */
export const findReusablePaymentSessionStep = createStep(
  "find-reusable-payment-session",
  async (
    { payment_collection_id, provider_id, amount }: { payment_collection_id: string; provider_id: string; amount: number },
    { container }
  ) => {
    const sessions = await container
      .resolve(Modules.PAYMENT)
      .listPaymentSessions({ payment_collection_id, provider_id }, { order: { created_at: "DESC" } })
    const session = sessions.find(
      (s) => s.status === "pending" && MathBN.eq(s.amount, amount) && Boolean((s.data as Record<string, unknown>)?.client_secret)
    )
    return new StepResponse(session ? { id: session.id, data: session.data as Record<string, unknown> } : null)
  }
)
