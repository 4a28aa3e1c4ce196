import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { EmailTemplateData, EmailTemplateName } from "../../lib/email/templates"
import { PortalEventActor, PortalEventType, PortalTokenSource } from "../../modules/portal/constants"
import { logPortalEventStep, sendPortalEmailStep, validateCustomerStep } from "../steps"
import { issuePortalLinkStep, recordAccessSentStep, validatePortalEnabledStep } from "./steps"

export const sendPortalAccessWorkflowId = "send-portal-access"

export type SendPortalAccessInput = {
  customer_id: string
  /** Why the link is sent: the owner's button, the customer's login request, a document sent. */
  reason: "manual" | "login" | "renew" | "document"
  actor?: "owner" | "customer" | "system"
  /** Which email carries the link; "portal-access" unless a document is announced. */
  template?: EmailTemplateName
  /** The template's data except the link, which this workflow creates. */
  template_data?: Omit<EmailTemplateData, "portal_url" | "expires_at"> & Record<string, unknown>
  subject_type?: "invoice" | "estimate" | null
  subject_id?: string | null
}

/**
 * Emails the customer a new magic link ("Send Portal Access" / "Resend Portal Access", the
 * login page, and document emails). The link is created even if the email fails; the failure
 * is in the activity log and first / last sent are stamped only for an email that left.
 */
export const sendPortalAccessWorkflow = createWorkflow(sendPortalAccessWorkflowId, (input: SendPortalAccessInput) => {
  const { data: customers } = useQueryGraphStep({
    entity: "customer",
    fields: ["id", "email", "first_name"],
    filters: { id: input.customer_id },
    options: { throwIfKeyNotFound: true },
  })
  validateCustomerStep({ customer_id: input.customer_id, require_email: true })
  validatePortalEnabledStep()

  const link = issuePortalLinkStep({ customer_id: input.customer_id, source: PortalTokenSource.EMAIL })

  const email = transform({ customers, link, input }, ({ customers, link, input }) => ({
    to: customers[0].email as string,
    customer_id: input.customer_id,
    template: input.template ?? "portal-access",
    data: {
      customer_first_name: customers[0].first_name ?? null,
      ...(input.template_data ?? {}),
      portal_url: link.url,
      expires_at: link.expires_at,
    } as EmailTemplateData,
    subject_type: input.subject_type ?? null,
    subject_id: input.subject_id ?? null,
  }))
  const sent = sendPortalEmailStep(email)

  when({ sent }, ({ sent }) => sent.status === "success").then(() => {
    recordAccessSentStep({ customer_id: input.customer_id })
  })

  const event = transform({ input, link, sent, email }, ({ input, link, sent, email }) => ({
    type: PortalEventType.LINK_SENT,
    customer_id: input.customer_id,
    actor: input.actor ?? (input.reason === "manual" ? PortalEventActor.OWNER : PortalEventActor.SYSTEM),
    subject_type: input.subject_type ?? null,
    subject_id: input.subject_id ?? null,
    data: { reason: input.reason, template: email.template, link_id: link.id, email_status: sent.status },
  }))
  logPortalEventStep(event)

  const result = transform({ link, sent }, ({ link, sent }) => ({
    link_id: link.id,
    expires_at: link.expires_at,
    email: sent,
  }))
  return new WorkflowResponse(result)
})
