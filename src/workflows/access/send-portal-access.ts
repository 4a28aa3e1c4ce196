import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { EmailTemplateData } from "../../lib/email/templates"
import type { PortalEmailPurpose } from "../../lib/portal-email"
import { documentPagePath, withNext } from "../../lib/portal-next"
import { PortalEventActor, PortalEventType, PortalTokenSource } from "../../modules/portal/constants"
import { decidePortalEmailStep, logPortalEventStep, sendPortalEmailStep, validateCustomerStep } from "../steps"
import {
  claimFirstAccessStep,
  issuePortalLinkStep,
  PortalDocumentRef,
  prepareAccessEmailStep,
  recordAccessSentStep,
  releaseFirstAccessStep,
  syncCustomerDeletedMarksStep,
} from "./steps"

export const sendPortalAccessWorkflowId = "send-portal-access"

export type SendPortalAccessReason = "manual" | "login" | "renew" | "document"

export type SendPortalAccessInput = {
  customer_id: string
  /** Why the link is sent: the owner's button, the customer's login request, a document sent. */
  reason: SendPortalAccessReason
  actor?: "owner" | "customer" | "system"
  /** The sent invoice or estimate the email announces (reason "document"); its link opens it. */
  document?: PortalDocumentRef | null
  /** The portal page the link opens (`?next=`), e.g. the one a customer asked for a link from. */
  next?: string | null
}

const PURPOSES: Record<SendPortalAccessReason, PortalEmailPurpose> = {
  manual: "owner_request",
  document: "document",
  login: "customer_request",
  renew: "customer_request",
}

/**
 * Emails the customer a new magic link ("Send Portal Access" / "Resend Portal Access", the
 * login page, and document emails), if `whyNotEmailCustomer` allows it. The owner is told why
 * not; a document that cannot be emailed is logged as skipped; a customer's own request gets
 * nothing, silently (the page answered the same either way). The link is created even if the
 * email fails; the failure is in the activity log and first / last sent are stamped only for an
 * email that left.
 */
export const sendPortalAccessWorkflow = createWorkflow(sendPortalAccessWorkflowId, (input: SendPortalAccessInput) => {
  validateCustomerStep({ customer_id: input.customer_id })
  // The customer exists: a portal closed by a deletion that was since undone opens again.
  syncCustomerDeletedMarksStep({ customer_ids: [input.customer_id] })
  const decision = decidePortalEmailStep(
    transform({ input }, ({ input }) => ({
      customer_id: input.customer_id,
      purpose: PURPOSES[input.reason],
      refuse: input.reason === "manual",
    }))
  )

  when({ decision, input }, ({ decision, input }) => Boolean(decision.refusal && input.document)).then(() => {
    const skipped = transform({ decision, input }, ({ decision, input }) => ({
      type: PortalEventType.EMAIL_SKIPPED,
      customer_id: input.customer_id,
      subject_type: input.document!.type,
      subject_id: input.document!.id,
      data: { reason: decision.refusal },
    }))
    logPortalEventStep(skipped).config({ name: "log-portal-email-skipped" })
  })

  // Each step below runs only when the email may go out (a "when" cannot hold another).
  const allowed = ({ decision }: { decision: { refusal: unknown } }) => !decision.refusal
  const link = when("portal-access-allowed-link", { decision }, allowed).then(() =>
    issuePortalLinkStep({ customer_id: input.customer_id, source: PortalTokenSource.EMAIL })
  )
  // Of emails decided at once for a new customer, exactly one welcomes (an atomic claim).
  const claim = when("portal-access-allowed-claim", { decision }, allowed).then(() =>
    claimFirstAccessStep(
      transform({ decision, input }, ({ decision, input }) => ({
        customer_id: input.customer_id,
        first_access: decision.first_access,
      }))
    )
  )
  const prepared = when("portal-access-allowed-email", { decision }, allowed).then(() =>
    prepareAccessEmailStep(
      transform({ claim, input }, ({ claim, input }) => ({
        document: input.document ?? null,
        first_access: Boolean(claim?.first_access),
      }))
    )
  )
  const email = transform({ decision, prepared, link, input }, ({ decision, prepared, link, input }) => ({
    to: decision.to as string,
    customer_id: input.customer_id,
    template: prepared?.template ?? "portal-access",
    data: {
      customer_first_name: decision.first_name,
      ...(prepared?.data ?? {}),
      // The link lands on the document the email is about, or the page the customer was after.
      portal_url: link ? withNext(link.url, input.next ?? documentPagePath(input.document)) : undefined,
      expires_at: link?.expires_at,
    } as unknown as EmailTemplateData,
    subject_type: input.document?.type ?? null,
    subject_id: input.document?.id ?? null,
  }))
  const sent = when("portal-access-allowed-send", { decision }, allowed).then(() => sendPortalEmailStep(email))

  when({ sent }, ({ sent }) => sent?.status === "success").then(() => {
    recordAccessSentStep({ customer_id: input.customer_id })
  })
  when({ sent, claim }, ({ sent, claim }) => Boolean(claim?.claimed_at) && sent?.status !== "success").then(() => {
    releaseFirstAccessStep(
      transform({ claim, input }, ({ claim, input }) => ({ customer_id: input.customer_id, claimed_at: claim!.claimed_at! }))
    )
  })

  const event = transform({ input, link, sent, email }, ({ input, link, sent, email }) => ({
    type: PortalEventType.LINK_SENT,
    customer_id: input.customer_id,
    actor: input.actor ?? (input.reason === "manual" ? PortalEventActor.OWNER : PortalEventActor.SYSTEM),
    subject_type: input.document?.type ?? null,
    subject_id: input.document?.id ?? null,
    data: { reason: input.reason, template: email.template, link_id: link?.id, email_status: sent?.status },
  }))
  when("portal-access-allowed-log", { decision }, allowed).then(() => {
    logPortalEventStep(event)
  })

  const result = transform({ sent, link, decision }, ({ sent, link, decision }) => ({
    /** Why nothing was sent; null when a link went out (or its email failed). */
    skipped: decision.refusal,
    link_id: link?.id ?? null,
    expires_at: link?.expires_at ?? null,
    email: sent ?? null,
  }))
  return new WorkflowResponse(result)
})
