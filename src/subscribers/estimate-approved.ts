import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { PortalEvents } from "../modules/portal/constants"
import { runEmailWorkflow, sendEstimateApprovalConfirmationWorkflow } from "../workflows/notifications"

type EstimateAccepted = { id: string; customer_id: string; decision_id?: string | null }

/**
 * A customer approved an estimate: they get the record of their approval with the approved PDF.
 * Apart from the owner's notice (estimate-decided.ts), so a failure or retry of one leaves the
 * other alone, and a worker runs them side by side.
 */
export default async function estimateApprovedHandler({ event: { data }, container }: SubscriberArgs<EstimateAccepted>) {
  // The confirmation prints the signed record; an event without one (emitted before records
  // existed) has nothing to confirm.
  if (!data.decision_id) {
    return
  }
  await runEmailWorkflow(
    container,
    sendEstimateApprovalConfirmationWorkflow,
    { id: data.id, customer_id: data.customer_id, decision_id: data.decision_id },
    { customer_id: data.customer_id, subject_type: "estimate", subject_id: data.id, what: `Approval confirmation for estimate ${data.id}` }
  )
}

export const config: SubscriberConfig = {
  event: PortalEvents.ESTIMATE_ACCEPTED,
  context: { subscriberId: "portal-estimate-approved" },
}
