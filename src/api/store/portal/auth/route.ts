import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { PORTAL_MODULE } from "../../../../modules/portal"
import { PortalEventActor, PortalEventType } from "../../../../modules/portal/constants"
import type PortalModuleService from "../../../../modules/portal/service"
import { issuePortalJwt } from "../../../utils/portal-auth"
import type { StorePortalAuthType } from "../validators"

const FAILURES = {
  unknown: "This portal link is not valid",
  revoked: "This portal link was replaced or withdrawn",
  expired: "This portal link has expired; ask for a new one",
  portal_disabled: "The customer portal is turned off",
  access_disabled: "Portal access is disabled for this customer",
  link_revoked: "This portal link was replaced or withdrawn",
} as const

/**
 * For storefronts: exchanges a magic-link token for Medusa's standard customer token (a JWT
 * that `authenticate("customer", …)` accepts on /store routes, including Medusa's own).
 */
export const POST = async (req: MedusaRequest<StorePortalAuthType>, res: MedusaResponse) => {
  const portal = req.scope.resolve<PortalModuleService>(PORTAL_MODULE)
  const check = await portal.verifyPortalToken(req.validatedBody.token)
  if (check.outcome !== "valid") {
    await portal.logEvent({
      type: PortalEventType.LINK_OPEN_FAILED,
      customer_id: check.outcome === "unknown" ? null : check.customer_id,
      actor: PortalEventActor.CUSTOMER,
      data: { reason: check.outcome, via: "store" },
    })
    throw new MedusaError(MedusaError.Types.UNAUTHORIZED, FAILURES[check.outcome])
  }
  const session = await portal.checkPortalSession(check.customer_id, check.token_id)
  if (session !== "ok") {
    throw new MedusaError(MedusaError.Types.UNAUTHORIZED, FAILURES[session])
  }
  const { token } = await issuePortalJwt(req, check)
  await portal.recordPortalOpened(check.token_id, check.customer_id)
  await portal.logEvent({
    type: PortalEventType.LINK_OPENED,
    customer_id: check.customer_id,
    actor: PortalEventActor.CUSTOMER,
    data: { link_id: check.token_id, via: "store" },
  })
  res.json({ token })
}
