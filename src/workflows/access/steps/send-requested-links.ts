import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { likeEscape } from "../../../lib/like-escape"
import { sendPortalAccessWorkflow } from "../send-portal-access"

export type RequestedLinks = {
  email?: string
  customer_id?: string
  reason: "login" | "renew"
  /** The portal page the link opens (`?next=`), when the customer was on their way to one. */
  next?: string | null
}

/**
 * Runs `send-portal-access` for every customer the request names (an email may belong to several
 * Medusa customers); that workflow decides, per customer, whether a link may go out. One
 * customer's failure does not stop the others and is only logged: the page already answered.
 * (Not in the steps barrel, which send-portal-access itself imports.)
 */
export const sendRequestedLinksStep = createStep(
  "send-requested-portal-links",
  async (input: RequestedLinks, { container }) => {
    let customerIds = input.customer_id ? [input.customer_id] : []
    if (input.email) {
      const customers = await container
        .resolve(Modules.CUSTOMER)
        .listCustomers({ email: { $ilike: likeEscape(input.email) } }, { select: ["id"] })
      customerIds = customers.map((c) => c.id)
    }
    let sent = 0
    for (const customerId of customerIds) {
      try {
        const { result } = await sendPortalAccessWorkflow(container).run({
          input: { customer_id: customerId, reason: input.reason, actor: "customer", next: input.next ?? null },
        })
        sent += result.skipped ? 0 : 1
      } catch (error) {
        container
          .resolve(ContainerRegistrationKeys.LOGGER)
          .error(`Portal link for customer ${customerId} could not be sent: ${(error as Error).message}`)
      }
    }
    return new StepResponse({ sent })
  }
)
