import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PORTAL_MODULE } from "../../../modules/portal"
import type PortalModuleService from "../../../modules/portal/service"

/** Sets the customer's language; compensation puts the previous one back. */
export const setPortalAccessLocaleStep = createStep(
  "set-portal-access-locale",
  async (input: { customer_id: string; locale: string | null }, { container }) => {
    const result = await container.resolve<PortalModuleService>(PORTAL_MODULE).setPortalAccessLocale(input.customer_id, input.locale)
    return new StepResponse(result, result.changed ? { customer_id: input.customer_id, previous: result.previous } : undefined)
  },
  async (undo, { container }) => {
    if (undo) {
      await container.resolve<PortalModuleService>(PORTAL_MODULE).setPortalAccessLocale(undo.customer_id, undo.previous)
    }
  }
)
