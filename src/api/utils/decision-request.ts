import type { MedusaRequest } from "@medusajs/framework/http"
import { policyFromSettings } from "../../lib/approval"
import { portalSessionOf } from "./portal-auth"
import { clientIp } from "./rate-limit"
import { requestSettings } from "./request-settings"

/**
 * What a decision route hands the workflow besides the customer's input: the owner's approval
 * settings (as this request's session check read them) and where the decision came from — the
 * portal session (hence the link), the client address as the trusted-proxy option resolves it,
 * and the browser's user agent.
 */
export async function decisionRequest(req: MedusaRequest) {
  const settings = await requestSettings(req)
  const agent = req.headers["user-agent"]
  return {
    policy: policyFromSettings(settings),
    origin: {
      portal_session_id: portalSessionOf(req)?.portal_session_id || null,
      ip: clientIp(req),
      user_agent: typeof agent === "string" && agent ? agent.slice(0, 1000) : null,
    },
  }
}
