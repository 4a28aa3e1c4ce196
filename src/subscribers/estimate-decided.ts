import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { PortalEvents } from "../modules/portal/constants"
import { notifyEstimateDecidedWorkflow, runEmailWorkflow } from "../workflows/notifications"

type EstimateDecided = { id: string; customer_id: string }

/** A customer approved or rejected an estimate: the owner is told. */
export default async function estimateDecidedHandler({ event: { name, data }, container }: SubscriberArgs<EstimateDecided>) {
  const decision = name === PortalEvents.ESTIMATE_ACCEPTED ? "accepted" : "rejected"
  await runEmailWorkflow(
    container,
    notifyEstimateDecidedWorkflow,
    { id: data.id, customer_id: data.customer_id, decision },
    { customer_id: data.customer_id, subject_type: "estimate", subject_id: data.id, what: `Owner notice about estimate ${data.id}` }
  )
}

export const config: SubscriberConfig = {
  event: [PortalEvents.ESTIMATE_ACCEPTED, PortalEvents.ESTIMATE_REJECTED],
  context: { subscriberId: "portal-estimate-decided" },
}
