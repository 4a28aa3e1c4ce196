import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export type CapturedDepositPayment = {
  payment_id: string
  estimate_id: string
  /** Sum of the payment's captures: the money Stripe actually took. */
  captured: number
  paid_at: Date
}

/** The estimate behind a captured Medusa payment (its deposit), or null for any other payment. */
export const findCapturedDepositPaymentStep = createStep(
  "find-captured-deposit-payment",
  async ({ payment_id }: { payment_id: string }, { container }) => {
    const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
      entity: "payment",
      fields: ["id", "captured_at", "captures.amount", "payment_collection.portal_estimate.id"],
      filters: { id: payment_id },
    })
    const payment = data[0] as Record<string, any> | undefined
    const estimateId = payment?.payment_collection?.portal_estimate?.id as string | undefined
    if (!payment || !estimateId) {
      return new StepResponse<CapturedDepositPayment | null>(null)
    }
    const captured = (payment.captures ?? []).reduce((sum: any, c: { amount: number }) => MathBN.add(sum, c.amount), MathBN.convert(0))
    return new StepResponse<CapturedDepositPayment | null>({
      payment_id,
      estimate_id: estimateId,
      captured: captured.toNumber(),
      paid_at: payment.captured_at ? new Date(payment.captured_at) : new Date(),
    })
  }
)
