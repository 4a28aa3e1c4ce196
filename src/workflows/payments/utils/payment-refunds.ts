import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"

/**
 * What Medusa has already refunded of a payment (the sum of its refunds): what every over-capture
 * measure (an invoice's, a batch's, a deposit's) takes off, so a replay refunds nothing twice.
 */
export async function refundedOfPayment(container: MedusaContainer, paymentId: string) {
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "payment",
    fields: ["refunds.amount"],
    filters: { id: paymentId },
  })
  return ((data[0] as Record<string, any>)?.refunds ?? []).reduce(
    (sum: any, r: { amount: number }) => MathBN.add(sum, r.amount),
    MathBN.convert(0)
  )
}
