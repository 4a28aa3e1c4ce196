/**
 * The one home of "may we email this customer": every customer email (a document, a link the
 * customer asked for, the owner's Send Portal Access, a receipt) asks this function first.
 */

/** Why an email is being sent. */
export type PortalEmailPurpose =
  /** The owner's "Send Portal Access" / "Resend Portal Access". */
  | "owner_request"
  /** A sent invoice or estimate; the customer's first one brings the portal-access email. */
  | "document"
  /** The customer asked for a link (/portal/login, or renewing an expired link). */
  | "customer_request"
  /** Money was received. */
  | "receipt"
  /** An overdue-invoice reminder of the owner's schedule. */
  | "reminder"

export type PortalEmailRefusal = "portal_disabled" | "access_disabled" | "no_access" | "reminders_opted_out" | "no_email"

export type PortalEmailFacts = {
  portal_enabled: boolean
  /** The customer's access row; missing when they were never given access. */
  access: { enabled: boolean; reminders_opt_out?: boolean | null } | null | undefined
  email: string | null | undefined
}

/** Null when the email may go out, otherwise the reason it must not. */
export function whyNotEmailCustomer(purpose: PortalEmailPurpose, facts: PortalEmailFacts): PortalEmailRefusal | null {
  // A receipt confirms money that arrived: it goes out whatever the portal's state.
  if (purpose !== "receipt") {
    if (!facts.portal_enabled) {
      return "portal_disabled"
    }
    if (facts.access && !facts.access.enabled) {
      return "access_disabled"
    }
    // Asking for a link is no way in: only customers the owner gave access get one.
    if (!facts.access && purpose === "customer_request") {
      return "no_access"
    }
    // The customer (in Profile) or the owner turned reminders off; other emails still go.
    if (purpose === "reminder" && facts.access?.reminders_opt_out) {
      return "reminders_opted_out"
    }
  }
  return facts.email?.trim() ? null : "no_email"
}
