import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { PortalEvents } from "../modules/portal/constants"
import { notifyEstimateDecidedWorkflow, runEmailWorkflow, sendEstimateApprovalConfirmationWorkflow } from "../workflows/notifications"

type EstimateDecided = { id: string; customer_id: string; decision_id?: string | null }

/**
 * A customer approved or rejected an estimate: the owner is told; after an approval the customer
 * gets its record with the approved PDF.
 */
export default async function estimateDecidedHandler({ event: { name, data }, container }: SubscriberArgs<EstimateDecided>) {
  const decision = name === PortalEvents.ESTIMATE_ACCEPTED ? "accepted" : "rejected"
  const about = { customer_id: data.customer_id, subject_type: "estimate" as const, subject_id: data.id }
  await runEmailWorkflow(
    container,
    notifyEstimateDecidedWorkflow,
    { id: data.id, customer_id: data.customer_id, decision },
    { ...about, what: `Owner notice about estimate ${data.id}` }
  )
  if (decision === "accepted" && data.decision_id) {
    await runEmailWorkflow(
      container,
      sendEstimateApprovalConfirmationWorkflow,
      { id: data.id, customer_id: data.customer_id, decision_id: data.decision_id },
      { ...about, what: `Approval confirmation for estimate ${data.id}` }
    )
  }
}

export const config: SubscriberConfig = {
  event: [PortalEvents.ESTIMATE_ACCEPTED, PortalEvents.ESTIMATE_REJECTED],
  context: { subscriberId: "portal-estimate-decided" },
}
