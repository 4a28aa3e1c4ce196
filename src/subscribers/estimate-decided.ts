import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { renderEmail } from "../lib/email/render"
import { customerDisplayName, notifyOwnerFeed } from "../lib/owner-feed"
import { PORTAL_MODULE } from "../modules/portal"
import { PortalEvents, PortalEventType } from "../modules/portal/constants"
import type PortalModuleService from "../modules/portal/service"

type EstimateDecided = { id: string; customer_id: string }

/**
 * Tells the owner about a customer's decision: a notification in the Medusa admin's feed and,
 * when the settings name an owner notification address, an email. A failed email is logged.
 */
export default async function estimateDecidedHandler({ event: { name, data }, container }: SubscriberArgs<EstimateDecided>) {
  const portal = container.resolve<PortalModuleService>(PORTAL_MODULE)
  const notifications = container.resolve(Modules.NOTIFICATION)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const decision = name === PortalEvents.ESTIMATE_ACCEPTED ? "accepted" : "rejected"

  const estimate = await portal.retrievePortalEstimate(data.id)
  const [customer] = await container
    .resolve(Modules.CUSTOMER)
    .listCustomers({ id: data.customer_id }, { select: ["id", "first_name", "last_name", "email", "company_name"] })
  const customerName = customerDisplayName(customer)
  const verb = decision === "accepted" ? "approved" : "rejected"

  await notifyOwnerFeed(container, {
    title: `Estimate ${estimate.display_number} ${verb}`,
    description: `${customerName} ${verb} estimate ${estimate.display_number}${estimate.decision_note ? `: “${estimate.decision_note}”` : ""}.`,
    resource_type: "estimate",
    resource_id: estimate.id,
    // One feed entry per decision, even if the event is delivered twice.
    key: `portal-estimate-decided-feed-${estimate.id}-${decision}`,
  })

  const settings = await portal.retrieveSettings()
  if (!settings.owner_notification_email) {
    return
  }
  try {
    await notifications.createNotifications({
      to: settings.owner_notification_email,
      channel: "email",
      template: "estimate-decided",
      content: renderEmail(
        "estimate-decided",
        {
          customer_name: customerName,
          estimate_number: estimate.display_number ?? estimate.id,
          decision,
          amount: estimate.total,
          currency_code: estimate.currency_code,
          note: estimate.decision_note,
          admin_url: `${portal.getPortalUrl()}/app/estimates/${estimate.id}`,
        },
        settings
      ),
      data: { estimate_id: estimate.id, decision },
      resource_id: estimate.id,
      resource_type: "estimate",
    })
  } catch (error) {
    logger.error(`Owner email about estimate ${estimate.id} failed: ${(error as Error).message}`)
    await portal.logEvent({
      type: PortalEventType.EMAIL_FAILED,
      customer_id: data.customer_id,
      subject_type: "estimate",
      subject_id: estimate.id,
      data: { template: "estimate-decided", error: (error as Error).message },
    })
  }
}

export const config: SubscriberConfig = {
  event: [PortalEvents.ESTIMATE_ACCEPTED, PortalEvents.ESTIMATE_REJECTED],
  context: { subscriberId: "portal-estimate-decided" },
}
