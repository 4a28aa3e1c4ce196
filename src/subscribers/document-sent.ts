import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { PortalEvents } from "../modules/portal/constants"
import { deliverDocumentEmailWorkflow } from "../workflows/access"
import { runEmailWorkflow } from "../workflows/notifications"

type DocumentSent = { id: string; customer_id: string; resent?: boolean; email_due_id?: string }

/**
 * A sent invoice or estimate reaches the customer by email with a fresh portal link; the
 * workflow decides whether it may, and which email. It delivers the email the send owes once,
 * even if the job picks it up too.
 */
export default async function documentSentHandler({ event: { name, data }, container }: SubscriberArgs<DocumentSent>) {
  const type = name === PortalEvents.INVOICE_SENT ? "invoice" : "estimate"
  await runEmailWorkflow(
    container,
    deliverDocumentEmailWorkflow,
    { customer_id: data.customer_id, document: { type, id: data.id }, email_due_id: data.email_due_id },
    { customer_id: data.customer_id, subject_type: type, subject_id: data.id, what: `Portal email for ${type} ${data.id}` }
  )
}

export const config: SubscriberConfig = {
  event: [PortalEvents.INVOICE_SENT, PortalEvents.ESTIMATE_SENT],
  context: { subscriberId: "portal-document-sent" },
}
