import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { ICustomerModuleService } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { LinkFailure, linkNextStep, NewLinkBlocker } from "../../lib/link-next-step"
import { whyNotEmailCustomer } from "../../lib/portal-email"
import { withNext } from "../../lib/portal-next"
import { PORTAL_MODULE } from "../../modules/portal"
import type PortalModuleService from "../../modules/portal/service"
import { tooManyRequests } from "../portal/login/limits"
import { CONTACT_ONLY_REFUSALS, PORTAL_REFUSALS } from "./portal-auth"
import { renderPortalMessage } from "./portal-pages"
import { requestSettings } from "./request-settings"

/** A refused link, with the customer its token named when it named one. */
export type RefusedLink = { reason: LinkFailure; retry_after?: number; customer_id?: string }

/**
 * Why no new link could reach the customer an expired or revoked link names (the rule a request
 * for a link is judged by, `whyNotEmailCustomer`); not asked for other refusals, which say why
 * themselves, or for a token that named nobody.
 */
export async function newLinkBlocker(req: MedusaRequest, refused: RefusedLink): Promise<NewLinkBlocker> {
  if (!refused.customer_id || (refused.reason !== "expired" && refused.reason !== "revoked")) {
    return undefined
  }
  const [settings, [access], [customer]] = await Promise.all([
    requestSettings(req),
    req.scope.resolve<PortalModuleService>(PORTAL_MODULE).listPortalAccesses({ customer_id: refused.customer_id }, { take: 1 }),
    req.scope
      .resolve<ICustomerModuleService>(Modules.CUSTOMER)
      .listCustomers({ id: refused.customer_id }, { select: ["id", "email"], take: 1 }),
  ])
  if (!customer) {
    return "account_closed"
  }
  return whyNotEmailCustomer("customer_request", { portal_enabled: settings.enabled, access, email: customer.email })
}

/** What a refused link itself is, when that is what the page talks about. */
const LINK_STATES = {
  unknown: { status: 404, title: "This link is not valid", paragraph: "Check that you opened the whole link from your email." },
  expired: { status: 410, title: "This link has expired", paragraph: "For your security, portal links only work for a limited time." },
  revoked: { status: 410, title: "This link no longer works", paragraph: "The link was replaced or withdrawn by the business." },
} as const

/**
 * The link page's answer to a refused link: what happened and the one next step that can work
 * (`linkNextStep`); 429 with when to try again past the limit on failed opens. `next` (the page
 * the link was meant to open) rides along with a new link.
 */
export async function renderLinkRefusal(req: MedusaRequest, res: MedusaResponse, refused: RefusedLink, token: string, next: unknown) {
  const linkUrl = `/portal/access/${encodeURIComponent(token)}`
  if (refused.retry_after) {
    return tooManyRequests(req, res, refused.retry_after, { url: withNext(linkUrl, next), label: "Try the link again" })
  }
  const { shown, step } = linkNextStep(refused.reason, await newLinkBlocker(req, refused))
  if (shown !== "unknown" && shown !== "expired" && shown !== "revoked") {
    return renderPortalMessage(req, res, PORTAL_REFUSALS[shown].status, {
      title: PORTAL_REFUSALS[shown].title,
      paragraphs: [CONTACT_ONLY_REFUSALS[shown].paragraph],
      contact: { why: CONTACT_ONLY_REFUSALS[shown].contact_why, button: true },
    })
  }
  const state = LINK_STATES[shown]
  if (step === "renew") {
    return renderPortalMessage(req, res, state.status, {
      title: state.title,
      paragraphs: [state.paragraph, "We can email you a new one."],
      action: { url: withNext(`${linkUrl}/renew`, next), label: "Email me a new link" },
    })
  }
  if (step === "login") {
    return renderPortalMessage(req, res, state.status, {
      title: state.title,
      paragraphs: [state.paragraph, "You can ask for a new link with your email address."],
      link: { url: withNext("/portal/login", next), label: "Email me a new link" },
    })
  }
  // No address on file (or no access): an emailed link would never come.
  return renderPortalMessage(req, res, state.status, {
    title: state.title,
    paragraphs: [state.paragraph],
    contact: { why: "for a new link", button: true },
  })
}
