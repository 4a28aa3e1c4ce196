import type { PortalEmailRefusal } from "./portal-email"

/** Why a magic link did not open (the link check's refusal). */
export type LinkFailure = "unknown" | "expired" | "revoked" | "portal_disabled" | "access_disabled" | "account_closed"

/**
 * What a customer can do about it: have a new link emailed from the expired one (`renew`), ask
 * for one by email address (`login`), or contact the business (`contact`).
 */
export type LinkNextStep = "renew" | "login" | "contact"

/**
 * Why no new link could reach the link's customer: `whyNotEmailCustomer`'s answer for a
 * customer's own request, or `account_closed` when the customer no longer exists; null when one
 * could. Undefined when nobody was asked (the link named no customer, or its refusal already
 * says why).
 */
export type NewLinkBlocker = PortalEmailRefusal | "account_closed" | null | undefined

/**
 * The one home of "what does a failed link offer": a new link only when one could arrive. An
 * expired or revoked link of a customer whose access was disabled (disabling revokes every link)
 * says what actually stops them, and points to the business instead of to an email that never
 * comes. A token that names nobody proves nothing, so it reveals nothing and offers the login page.
 */
export function linkNextStep(failure: LinkFailure, blocker: NewLinkBlocker): { shown: LinkFailure; step: LinkNextStep } {
  if (failure === "unknown") {
    return { shown: failure, step: "login" }
  }
  if (blocker === "portal_disabled" || blocker === "access_disabled" || blocker === "account_closed") {
    return { shown: blocker, step: "contact" }
  }
  if (failure === "portal_disabled" || failure === "access_disabled" || failure === "account_closed") {
    return { shown: failure, step: "contact" }
  }
  if (blocker) {
    // No address on file, or no access row: the request would be dropped silently.
    return { shown: failure, step: "contact" }
  }
  return { shown: failure, step: failure === "expired" ? "renew" : "login" }
}
