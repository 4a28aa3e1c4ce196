import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PORTAL_MODULE } from "../../../modules/portal"
import type PortalModuleService from "../../../modules/portal/service"

/**
 * Enables or disables a customer's access; disabling revokes every live link. Compensation of a
 * disable re-enables access but leaves the links revoked (a revoked link is never revived).
 */
export const setPortalAccessEnabledStep = createStep(
  "set-portal-access-enabled",
  async (input: { customer_id: string; enabled: boolean }, { container }) => {
    const result = await container
      .resolve<PortalModuleService>(PORTAL_MODULE)
      .setPortalAccessEnabled(input.customer_id, input.enabled)
    return new StepResponse(result, result.changed ? input : undefined)
  },
  async (input, { container }) => {
    if (input) {
      await container.resolve<PortalModuleService>(PORTAL_MODULE).setPortalAccessEnabled(input.customer_id, !input.enabled)
    }
  }
)
