import type { MedusaContainer } from "@medusajs/framework/types"
import { PORTAL_MODULE } from "../../modules/portal"
import { PortalEventActor, PortalEventType, PortalSessionChannel } from "../../modules/portal/constants"
import type PortalModuleService from "../../modules/portal/service"
import type { ModulePortalSettings } from "../../types/module"
import { portalRulesWithSettings } from "./portal-rules"
import { failedLinkOpenLimit } from "./rate-limit"

/** The module's verdict on a raw link token (`verifyPortalToken`): the only code that sees the token. */
export type LinkTokenCheck = Awaited<ReturnType<PortalModuleService["verifyPortalToken"]>>

export type LinkRefusal = "unknown" | "expired" | "revoked" | "portal_disabled" | "access_disabled" | "account_closed"

export type LinkCheck =
  | { usable: true; link: { token_id: string; customer_id: string; expires_at: Date } }
  | { usable: false; reason: LinkRefusal; retry_after?: number }

export type CheckLinkInput = {
  token_check: LinkTokenCheck
  via: PortalSessionChannel
  /** The client's address (`clientIp`), for the per-address limit on failures. */
  client_address: string
}

/**
 * One home for "can this link start a session", on every face: the token is valid, the portal
 * is on, the customer's access is enabled and the customer still exists. A failure is logged
 * (without the token) and counted against the client's address; past FAILED_LINK_OPEN_LIMIT a
 * minute it is only refused, with `retry_after`.
 */
export async function checkLink(scope: MedusaContainer, input: CheckLinkInput): Promise<LinkCheck> {
  return (await checkLinkWithSettings(scope, input)).check
}

/** `checkLink`, with the settings its rules read when it read them (a request keeps them: one read). */
export async function checkLinkWithSettings(
  scope: MedusaContainer,
  { token_check: check, via, client_address }: CheckLinkInput
): Promise<{ check: LinkCheck; settings?: ModulePortalSettings; customer_locale?: string | null }> {
  let reason: LinkRefusal | null = check.outcome === "valid" ? null : check.outcome
  let settings: ModulePortalSettings | undefined
  let customerLocale: string | null | undefined
  if (check.outcome === "valid") {
    const rules = await portalRulesWithSettings(scope, check.customer_id, undefined)
    settings = rules.settings
    customerLocale = rules.customer_locale
    reason = rules.outcome === "ok" ? null : (rules.outcome as LinkRefusal)
  }
  if (check.outcome === "valid" && !reason) {
    return {
      check: { usable: true, link: { token_id: check.token_id, customer_id: check.customer_id, expires_at: check.expires_at } },
      settings,
      customer_locale: customerLocale,
    }
  }
  const limit = await failedLinkOpenLimit(scope, client_address)
  if (!limit.allowed) {
    return { check: { usable: false, reason: reason!, retry_after: limit.retry_after }, settings }
  }
  await scope.resolve<PortalModuleService>(PORTAL_MODULE).logEvent({
    type: PortalEventType.LINK_OPEN_FAILED,
    customer_id: check.outcome === "unknown" ? null : check.customer_id,
    actor: PortalEventActor.CUSTOMER,
    data: { reason, via },
  })
  return { check: { usable: false, reason: reason! }, settings }
}
