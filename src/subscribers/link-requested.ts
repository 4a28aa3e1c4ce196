import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { likeEscape } from "../lib/like-escape"
import { PORTAL_MODULE } from "../modules/portal"
import { PortalEvents } from "../modules/portal/constants"
import type PortalModuleService from "../modules/portal/service"
import { sendPortalAccessWorkflow } from "../workflows/access"

type LinkRequested = { email?: string; customer_id?: string }

/**
 * A customer asked for a new link (on /portal/login, or from an expired link). Only customers
 * whose access exists and is enabled get one; everyone else gets nothing, silently: the page
 * already answered the same either way.
 */
export default async function linkRequestedHandler({ event: { name, data }, container }: SubscriberArgs<LinkRequested>) {
  const portal = container.resolve<PortalModuleService>(PORTAL_MODULE)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  if (!(await portal.retrieveSettings()).enabled) {
    return
  }

  let customerIds: string[] = data.customer_id ? [data.customer_id] : []
  if (data.email) {
    const customers = await container
      .resolve(Modules.CUSTOMER)
      .listCustomers({ email: { $ilike: likeEscape(data.email) } }, { select: ["id"] })
    customerIds = customers.map((c) => c.id)
  }
  if (!customerIds.length) {
    return
  }
  const accesses = await portal.listPortalAccesses({ customer_id: customerIds, enabled: true })

  for (const access of accesses) {
    try {
      await sendPortalAccessWorkflow(container).run({
        input: {
          customer_id: access.customer_id,
          reason: name === PortalEvents.LOGIN_REQUESTED ? "login" : "renew",
          actor: "customer",
        },
      })
    } catch (error) {
      logger.error(`Portal link for customer ${access.customer_id} could not be sent: ${(error as Error).message}`)
    }
  }
}

export const config: SubscriberConfig = {
  event: [PortalEvents.LOGIN_REQUESTED, PortalEvents.LINK_RENEW_REQUESTED],
  context: { subscriberId: "portal-link-requested" },
}
