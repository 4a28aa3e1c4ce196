import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { ICustomerModuleService } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { LinkFailure, linkNextStep, NewLinkBlocker } from "../../lib/link-next-step"
import { whyNotEmailCustomer } from "../../lib/portal-email"
import { withNext } from "../../lib/portal-next"
import { PORTAL_MODULE } from "../../modules/portal"
import type PortalModuleService from "../../modules/portal/service"
import { tooManyRequests } from "../portal/login/limits"
import { contactOnlyRefusal, portalRefusal } from "./portal-auth"
import { renderPortalMessage } from "./portal-pages"
import { requestSettings } from "./request-settings"
import type { Translate } from "../../lib/i18n"
import { requestT } from "./request-locale"

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
const LINK_STATUS = { unknown: 404, expired: 410, revoked: 410 } as const

function linkState(shown: keyof typeof LINK_STATUS, t: Translate) {
  return { status: LINK_STATUS[shown], title: t(`msg.link.${shown}_title`), paragraph: t(`msg.link.${shown}_body`) }
}

/**
 * The link page's answer to a refused link: what happened and the one next step that can work
 * (`linkNextStep`); 429 with when to try again past the limit on failed opens. `next` (the page
 * the link was meant to open) rides along with a new link.
 */
export async function renderLinkRefusal(req: MedusaRequest, res: MedusaResponse, refused: RefusedLink, token: string, next: unknown) {
  const linkUrl = `/portal/access/${encodeURIComponent(token)}`
  const t = await requestT(req)
  if (refused.retry_after) {
    return tooManyRequests(req, res, refused.retry_after, { url: withNext(linkUrl, next), label: t("msg.link.try_again") })
  }
  const { shown, step } = linkNextStep(refused.reason, await newLinkBlocker(req, refused))
  if (shown !== "unknown" && shown !== "expired" && shown !== "revoked") {
    const refusal = portalRefusal(shown, t)
    const page = contactOnlyRefusal(shown, t)
    return renderPortalMessage(req, res, refusal.status, {
      title: refusal.title,
      paragraphs: [page.paragraph],
      contact: { why: page.contact_why, button: true },
    })
  }
  const state = linkState(shown, t)
  if (step === "renew") {
    return renderPortalMessage(req, res, state.status, {
      title: state.title,
      paragraphs: [state.paragraph, t("msg.link.can_email")],
      action: { url: withNext(`${linkUrl}/renew`, next), label: t("msg.new_link") },
    })
  }
  if (step === "login") {
    return renderPortalMessage(req, res, state.status, {
      title: state.title,
      paragraphs: [state.paragraph, t("msg.link.ask_with_email")],
      link: { url: withNext("/portal/login", next), label: t("msg.new_link") },
    })
  }
  // No address on file (or no access): an emailed link would never come.
  return renderPortalMessage(req, res, state.status, {
    title: state.title,
    paragraphs: [state.paragraph],
    contact: { why: t("msg.link.contact_why"), button: true },
  })
}
