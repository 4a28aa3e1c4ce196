import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PORTAL_MODULE } from "../../../modules/portal"
import type PortalModuleService from "../../../modules/portal/service"

export type ReturnedPaymentSession = { id: string; amount: number }

/**
 * The payment session a customer coming back from Stripe paid (or tried to): the newest one on
 * the customer's own invoice, while the invoice is still open. Another customer's invoice is not
 * found, like a missing one.
 */
export const findReturnedPaymentSessionStep = createStep(
  "find-returned-payment-session",
  async (input: { customer_id: string; invoice_id: string }, { container }) => {
    const invoice = await container
      .resolve<PortalModuleService>(PORTAL_MODULE)
      .retrieveCustomerInvoice(input.customer_id, input.invoice_id)
    if (invoice.status !== "sent") {
      return new StepResponse<ReturnedPaymentSession | null>(null)
    }
    const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
      entity: "portal_invoice",
      fields: [
        "payment_collection.payment_sessions.id",
        "payment_collection.payment_sessions.amount",
        "payment_collection.payment_sessions.created_at",
      ],
      filters: { id: invoice.id },
    })
    const sessions = ((data[0] as Record<string, any>)?.payment_collection?.payment_sessions ?? []) as {
      id: string
      amount: number
      created_at: string
    }[]
    const latest = [...sessions].sort((a, b) => String(b.created_at).localeCompare(String(a.created_at)))[0]
    return new StepResponse<ReturnedPaymentSession | null>(latest ? { id: latest.id, amount: Number(latest.amount) } : null)
  }
)
