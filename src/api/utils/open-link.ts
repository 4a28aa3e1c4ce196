import type { MedusaRequest } from "@medusajs/framework/http"
import type { PortalSessionChannel } from "../../modules/portal/constants"
import { openPortalLinkWorkflow } from "../../workflows/access"
import { currentPortalSession, MAX_SESSION_SECONDS, signPortalSession } from "./portal-auth"
import { clientIp } from "./rate-limit"

/**
 * Opens a link for either face with the same inputs: the open-link workflow decides (checks,
 * failure accounting, ending the session the request already carries, starting the new one);
 * a started session comes back with its signed token.
 */
export async function openLink(req: MedusaRequest, token: unknown, channel: PortalSessionChannel) {
  const previous = await currentPortalSession(req)
  const { result } = await openPortalLinkWorkflow(req.scope).run({
    input: {
      token,
      channel,
      client_address: clientIp(req),
      max_seconds: MAX_SESSION_SECONDS,
      previous: previous?.portal_session_id
        ? { customer_id: previous.customer_id, session_id: previous.portal_session_id }
        : null,
    },
  })
  if (!result.opened) {
    return result
  }
  return { ...result, ...signPortalSession(req, result.session) }
}
