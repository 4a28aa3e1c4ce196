import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PORTAL_MODULE } from "../../../modules/portal"
import type PortalModuleService from "../../../modules/portal/service"

/**
 * The deposit session a customer coming back from Stripe paid (or tried to): the newest one on
 * the customer's own estimate's collection. Another customer's estimate is "not found".
 */
export const findReturnedDepositSessionStep = createStep(
  "find-returned-deposit-session",
  async (input: { customer_id: string; estimate_id: string }, { container }) => {
    const estimate = await container
      .resolve<PortalModuleService>(PORTAL_MODULE)
      .retrieveCustomerEstimate(input.customer_id, input.estimate_id)
    const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
      entity: "portal_estimate",
      fields: ["payment_collection.payment_sessions.id", "payment_collection.payment_sessions.amount", "payment_collection.payment_sessions.created_at"],
      filters: { id: estimate.id },
    })
    const sessions = ((data[0] as Record<string, any>)?.payment_collection?.payment_sessions ?? []) as {
      id: string
      amount: number
      created_at: string
    }[]
    const latest = [...sessions].sort((a, b) => String(b.created_at).localeCompare(String(a.created_at)))[0]
    return new StepResponse(latest ? { id: latest.id, amount: Number(latest.amount) } : null)
  }
)
