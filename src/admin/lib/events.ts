import { paymentMethodLabel } from "../../lib/payment-methods"
import type { AdminPortalEvent, AdminPortalEventDocument } from "../../types/http"

const REASONS: Record<string, string> = {
  manual: "by you",
  document: "with a document",
  login: "on the customer's request",
  renew: "to replace an expired link",
}

const OPEN_FAILURES: Record<string, string> = {
  expired: "the link had expired",
  revoked: "the link was revoked",
  access_disabled: "portal access is disabled",
  portal_disabled: "the portal is turned off",
  account_closed: "the customer was deleted",
  unknown: "the link is not valid",
}

/** "invoice INV-0003", or "draft invoice" before it has a number. */
export const documentName = (document: AdminPortalEventDocument) =>
  document.display_number ? `${document.type} ${document.display_number}` : `draft ${document.type}`

/** The admin page of an activity entry's document. */
export const documentPath = (document: AdminPortalEventDocument) => `/${document.type}s/${document.id}`

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)

/**
 * One line of the activity log, as the owner reads it. With `named`, a line about a document says
 * which one ("Viewed invoice INV-0003"): the customer's log mixes all their documents, while a
 * document's own page needs no name.
 */
export function describeEvent(event: AdminPortalEvent, named = false): string {
  const document = named ? event.document : null
  if (!document) {
    return describeUnnamed(event)
  }
  const data = (event.data ?? {}) as Record<string, unknown>
  const name = documentName(document)
  switch (event.type) {
    case "invoice_sent":
    case "estimate_sent":
      return `${capitalize(name)} sent`
    case "invoice_voided":
      return `${capitalize(name)} voided`
    case "invoice_viewed":
    case "estimate_viewed":
      return `Viewed ${name}`
    case "estimate_accepted":
      return `Approved ${name}`
    case "estimate_rejected":
      return `Rejected ${name}${data.note ? `: “${String(data.note)}”` : ""}`
    case "pdf_downloaded":
      return `Downloaded the PDF of ${name}`
    case "payment_started":
      return `Started paying ${name}`
    case "payment_succeeded":
      return `Paid ${name} online`
    case "payment_failed":
      return `A payment of ${name} failed`
    case "payment_recorded":
      return `Payment recorded on ${name}${data.method ? ` (${paymentMethodLabel(String(data.method))})` : ""}`
    case "link_sent":
      if (data.reason === "document") {
        const failed = data.email_status === "failure" ? " (the email could not be sent)" : ""
        return `Portal access sent with ${name}${failed}`
      }
      return `${describeUnnamed(event)} · ${name}`
    default:
      // An email about the document that failed, a refund, …
      return `${describeUnnamed(event)} · ${name}`
  }
}

function describeUnnamed(event: AdminPortalEvent): string {
  const data = (event.data ?? {}) as Record<string, unknown>
  switch (event.type) {
    case "link_sent": {
      const how = REASONS[String(data.reason)] ?? ""
      const failed = data.email_status === "failure" ? " (the email could not be sent)" : ""
      return `Portal access sent${how ? ` ${how}` : ""}${failed}`
    }
    case "link_created":
      return "Portal link created"
    case "link_revoked":
      return "Portal link revoked"
    case "link_opened":
      return "Opened the portal"
    case "link_open_failed":
      return `A portal link was refused: ${OPEN_FAILURES[String(data.reason)] ?? String(data.reason ?? "unknown reason")}`
    case "signed_out":
      return "Signed out of the portal"
    case "login_requested":
      return "Asked for a new link"
    case "access_disabled":
      return "Portal access disabled"
    case "access_enabled":
      return "Portal access enabled"
    case "email_failed":
      return `An email could not be sent${data.error ? `: ${String(data.error)}` : ""}`
    case "email_skipped":
      return "Email skipped"
    case "invoice_sent":
      return "Invoice sent"
    case "invoice_viewed":
      return "Viewed the invoice"
    case "invoice_voided":
      return "Invoice voided"
    case "estimate_sent":
      return "Estimate sent"
    case "estimate_viewed":
      return "Viewed the estimate"
    case "pdf_downloaded":
      return "Downloaded the PDF"
    case "payment_started":
      return "Started a payment"
    case "payment_succeeded":
      return "Paid online"
    case "payment_failed":
      return "A payment failed"
    case "payment_recorded":
      return `Payment recorded${data.method ? ` (${paymentMethodLabel(String(data.method))})` : ""}`
    case "payment_refunded":
      return `Refunded ${String(data.refunded)} paid above the amount due`
    case "estimate_accepted":
      return "Accepted the estimate"
    case "estimate_rejected":
      return `Rejected the estimate${data.note ? `: “${String(data.note)}”` : ""}`
    case "profile_updated":
      return "Updated their profile"
    case "reminder_sent":
      return `Payment reminder sent${data.step ? ` (${String(data.step)})` : ""}`
    case "reminders_opt_out_changed":
      return data.opt_out ? "Payment reminders turned off" : "Payment reminders turned on"
    case "statement_sent": {
      const failed = data.email_status === "failure" ? " (the email could not be sent)" : ""
      return `Statement sent for ${String(data.from)} – ${String(data.to)}${failed}`
    }
    default:
      return event.type.replace(/_/g, " ")
  }
}

export const ACTOR_LABELS: Record<AdminPortalEvent["actor"], string> = {
  customer: "Customer",
  owner: "You",
  system: "System",
}
