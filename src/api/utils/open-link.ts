import type { MedusaRequest } from "@medusajs/framework/http"
import { PORTAL_MODULE } from "../../modules/portal"
import type { PortalSessionChannel } from "../../modules/portal/constants"
import type PortalModuleService from "../../modules/portal/service"
import { openPortalLinkWorkflow } from "../../workflows/access"
import { checkLinkWithSettings } from "./link-check"
import { currentPortalSession, MAX_SESSION_SECONDS, signPortalSession } from "./portal-auth"
import { clientIp } from "./rate-limit"
import { rememberCustomerLocale } from "./request-locale"
import { rememberRequestSettings } from "./request-settings"

/**
 * The raw token is looked up here and goes no further: a workflow's input may be stored by the
 * workflow engine (Redis, the executions table), and a link token is a credential.
 */
function verifyLinkToken(req: MedusaRequest, token: unknown) {
  return req.scope.resolve<PortalModuleService>(PORTAL_MODULE).verifyPortalToken(token)
}

/** Whether a link could start a session, with the failure rules applied (the link page's GET). */
export async function checkLinkFor(req: MedusaRequest, token: unknown, channel: PortalSessionChannel) {
  const tokenCheck = await verifyLinkToken(req, token)
  const { check, settings, customer_locale } = await checkLinkWithSettings(req.scope, {
    token_check: tokenCheck,
    via: channel,
    client_address: clientIp(req),
  })
  if (settings) {
    rememberRequestSettings(req, settings)
  }
  if (check.usable) {
    // The link names its customer: the page that opens it speaks their language (the rules read
    // their choice with the access row), not the language of a browser nobody signed in on yet.
    rememberCustomerLocale(req, customer_locale)
  }
  return check.usable ? check : { ...check, customer_id: customerOf(tokenCheck) }
}

/** The customer a token names, valid or not (a refusal's page may depend on them); none for an unknown token. */
function customerOf(tokenCheck: Awaited<ReturnType<typeof verifyLinkToken>>) {
  return tokenCheck.outcome === "unknown" ? undefined : tokenCheck.customer_id
}

/**
 * Opens a link for either face with the same inputs: the open-link workflow decides (checks,
 * failure accounting, ending the session the request already carries, starting the new one);
 * a started session comes back with its signed token, a refusal with the customer the token named.
 */
export async function openLink(req: MedusaRequest, token: unknown, channel: PortalSessionChannel) {
  const [tokenCheck, previous] = await Promise.all([verifyLinkToken(req, token), currentPortalSession(req)])
  const { result } = await openPortalLinkWorkflow(req.scope).run({
    input: {
      token_check: tokenCheck,
      channel,
      client_address: clientIp(req),
      max_seconds: MAX_SESSION_SECONDS,
      previous: previous?.portal_session_id
        ? { customer_id: previous.customer_id, session_id: previous.portal_session_id }
        : null,
    },
  })
  if (!result.opened) {
    return { ...result, customer_id: customerOf(tokenCheck) }
  }
  return { ...result, ...signPortalSession(req, result.session) }
}
