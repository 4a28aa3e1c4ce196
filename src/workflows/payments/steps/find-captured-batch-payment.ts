import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export type CapturedBatchPayment = {
  payment_id: string
  batch_id: string
  /** Sum of the payment's captures: the money Stripe actually took. */
  captured: number
  paid_at: Date
}

async function readPayment(container: MedusaContainer, paymentId: string) {
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "payment",
    fields: ["id", "captured_at", "captures.amount", "payment_collection.portal_payment_batch.id"],
    filters: { id: paymentId },
  })
  return data[0] as Record<string, any> | undefined
}

/** Whether a Medusa payment is the payment of a batch of invoices (its collection is linked to one). */
export async function isPaymentBatchPayment(container: MedusaContainer, paymentId: string) {
  return Boolean((await readPayment(container, paymentId))?.payment_collection?.portal_payment_batch?.id)
}

/** The batch behind a captured Medusa payment, or null for any other payment. */
export const findCapturedBatchPaymentStep = createStep(
  "find-captured-batch-payment",
  async ({ payment_id }: { payment_id: string }, { container }) => {
    const payment = await readPayment(container, payment_id)
    const batchId = payment?.payment_collection?.portal_payment_batch?.id as string | undefined
    if (!payment || !batchId) {
      return new StepResponse<CapturedBatchPayment | null>(null)
    }
    const captured = (payment.captures ?? []).reduce((sum: any, c: { amount: number }) => MathBN.add(sum, c.amount), MathBN.convert(0))
    return new StepResponse<CapturedBatchPayment | null>({
      payment_id,
      batch_id: batchId,
      captured: captured.toNumber(),
      paid_at: payment.captured_at ? new Date(payment.captured_at) : new Date(),
    })
  }
)
