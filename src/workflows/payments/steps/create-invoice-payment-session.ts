import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

/** Session states that hold no money yet: the customer may still complete them. */
const UNPAID_SESSION_STATUSES = ["pending", "requires_more", "error", "canceled"]

export type CreateInvoicePaymentSessionInput = {
  payment_collection_id: string
  provider_id: string
  /** What the customer chose to pay now: the amount due or a part of it, never more. */
  amount: number
  currency_code: string
  data: Record<string, unknown>
}

/**
 * A new Stripe payment session (a PaymentIntent) for the chosen amount, on the invoice's
 * collection. The collection's other unpaid sessions go first, through the Payment Module, so
 * Stripe cancels their PaymentIntents: a page left open on an earlier choice cannot charge as
 * well. Authorized sessions (earlier part payments) are kept. core-flows'
 * `createPaymentSessionsWorkflow` is not used: it always asks for the collection's whole amount
 * and deletes every session, the paid ones included. Compensation deletes the new session (a
 * canceled PaymentIntent of an earlier page stays canceled).
 */
export const createInvoicePaymentSessionStep = createStep(
  "create-invoice-payment-session",
  async (input: CreateInvoicePaymentSessionInput, { container }) => {
    const payments = container.resolve(Modules.PAYMENT)
    const sessions = await payments.listPaymentSessions({ payment_collection_id: input.payment_collection_id })
    for (const stale of sessions.filter((s) => UNPAID_SESSION_STATUSES.includes(s.status))) {
      // A cancel Stripe refuses (the customer is paying it right now) is left to the capture
      // workflow, which refunds whatever exceeds the amount due.
      await payments.deletePaymentSession(stale.id).catch((error: Error) =>
        container
          .resolve(ContainerRegistrationKeys.LOGGER)
          .warn(`Payment session ${stale.id} could not be canceled: ${error.message}`)
      )
    }
    const session = await payments.createPaymentSession(input.payment_collection_id, {
      provider_id: input.provider_id,
      amount: input.amount,
      currency_code: input.currency_code,
      data: input.data,
    })
    return new StepResponse({ id: session.id, data: (session.data ?? {}) as Record<string, unknown> }, session.id)
  },
  async (sessionId, { container }) => {
    if (sessionId) {
      await container
        .resolve(Modules.PAYMENT)
        .deletePaymentSession(sessionId)
        .catch(() => undefined)
    }
  }
)
