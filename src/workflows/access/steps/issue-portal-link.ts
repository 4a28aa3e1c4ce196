import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PORTAL_MODULE } from "../../../modules/portal"
import type { PortalTokenSource } from "../../../modules/portal/constants"
import type PortalModuleService from "../../../modules/portal/service"

export type PortalLink = { id: string; url: string; expires_at: Date; source: PortalTokenSource }

/**
 * Creates a magic link and returns its URL (the only place the raw token ever exists);
 * compensation revokes it.
 */
export const issuePortalLinkStep = createStep(
  "issue-portal-link",
  async (input: { customer_id: string; source: PortalTokenSource }, { container }) => {
    const portal = container.resolve<PortalModuleService>(PORTAL_MODULE)
    const { token, portal_token } = await portal.issuePortalToken(input.customer_id, { source: input.source })
    const link: PortalLink = {
      id: portal_token.id,
      url: `${portal.getPortalUrl()}/portal/access/${token}`,
      expires_at: portal_token.expires_at,
      source: input.source,
    }
    return new StepResponse(link, { customer_id: input.customer_id, id: portal_token.id })
  },
  async (created, { container }) => {
    if (created) {
      await container.resolve<PortalModuleService>(PORTAL_MODULE).revokePortalToken(created.customer_id, created.id)
    }
  }
)
