import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PORTAL_MODULE } from "../../../modules/portal"
import type PortalModuleService from "../../../modules/portal/service"

/** A link to a portal that is switched off would only show "not available": refuse up front. */
export const validatePortalEnabledStep = createStep("validate-portal-enabled", async (_: void, { container }) => {
  const settings = await container.resolve<PortalModuleService>(PORTAL_MODULE).retrieveSettings()
  if (!settings.enabled) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      "The customer portal is turned off: enable it in Settings → Customer Portal before sending access"
    )
  }
  return new StepResponse(settings)
})
