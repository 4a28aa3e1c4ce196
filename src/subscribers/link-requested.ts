import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { PortalEvents } from "../modules/portal/constants"
import { sendRequestedPortalLinksWorkflow } from "../workflows/access"

/** `next`: the portal page the new link opens (already checked where it was asked for). */
type LinkRequested = { email?: string; customer_id?: string; next?: string | null }

/** A customer asked for a new link (on /portal/login, or from an expired link). */
export default async function linkRequestedHandler({ event: { name, data }, container }: SubscriberArgs<LinkRequested>) {
  await sendRequestedPortalLinksWorkflow(container).run({
    input: {
      email: data.email,
      customer_id: data.customer_id,
      next: data.next ?? null,
      reason: name === PortalEvents.LOGIN_REQUESTED ? "login" : "renew",
    },
  })
}

export const config: SubscriberConfig = {
  event: [PortalEvents.LOGIN_REQUESTED, PortalEvents.LINK_RENEW_REQUESTED],
  context: { subscriberId: "portal-link-requested" },
}
