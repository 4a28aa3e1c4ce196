import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PORTAL_MODULE } from "../../../modules/portal"
import type PortalModuleService from "../../../modules/portal/service"
import type { ReturnedPaymentSession } from "./find-returned-payment-session"

/**
 * The session a customer coming back from Stripe paid a batch with (its newest), while the batch
 * is still open. Another customer's batch is not found, like a missing one.
 */
export const findReturnedBatchSessionStep = createStep(
  "find-returned-batch-session",
  async (input: { customer_id: string; batch_id: string }, { container }) => {
    const [batch] = await container
      .resolve<PortalModuleService>(PORTAL_MODULE)
      .listPortalPaymentBatches({ id: input.batch_id, customer_id: input.customer_id }, { take: 1 })
    if (!batch) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Payment with id "${input.batch_id}" was not found`)
    }
    if (batch.status !== "open") {
      return new StepResponse<ReturnedPaymentSession | null>(null)
    }
    const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
      entity: "portal_payment_batch",
      fields: ["payment_collection.payment_sessions.id", "payment_collection.payment_sessions.amount", "payment_collection.payment_sessions.created_at"],
      filters: { id: batch.id },
    })
    const sessions = ((data[0] as Record<string, any>)?.payment_collection?.payment_sessions ?? []) as { id: string; amount: number; created_at: string }[]
    const latest = [...sessions].sort((a, b) => String(b.created_at).localeCompare(String(a.created_at)))[0]
    return new StepResponse<ReturnedPaymentSession | null>(latest ? { id: latest.id, amount: Number(latest.amount) } : null)
  }
)
