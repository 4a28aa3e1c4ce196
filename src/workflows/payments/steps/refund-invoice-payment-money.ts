import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

/**
 * Gives the money back through Medusa's Payment Module, so the Stripe provider refunds it on the
 * PaymentIntent (core-flows' `refundPaymentWorkflow` needs the collection linked to an order; an
 * invoice's is not). A refusal (Stripe down, more than Stripe still holds) fails the workflow,
 * whose compensation undoes the recorded refund: nothing changes. No compensation of its own: a
 * refund cannot be taken back.
 */
export const refundInvoicePaymentMoneyStep = createStep(
  "refund-invoice-payment-money",
  async (input: { payment_id: string; amount: number; note: string; created_by?: string | null }, { container }) => {
    try {
      const payment = await container.resolve(Modules.PAYMENT).refundPayment({
        payment_id: input.payment_id,
        amount: input.amount,
        note: input.note,
        created_by: input.created_by ?? undefined,
      })
      return new StepResponse({ payment_id: payment.id })
    } catch (error) {
      throw new MedusaError(
        // 422: the provider refused; the owner's request was fine and nothing changed.
        MedusaError.Types.PAYMENT_AUTHORIZATION_ERROR,
        `The refund was not made (${(error as Error).message}). Nothing changed; try again, or refund from the Stripe dashboard.`
      )
    }
  }
)
