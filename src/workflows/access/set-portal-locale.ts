import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { validateCustomerStep } from "../steps"
import { setPortalAccessLocaleStep } from "./steps"

export const setPortalLocaleWorkflowId = "set-portal-locale"

/**
 * Sets the language a customer reads the portal, its emails and PDFs in (lib/i18n), or clears it
 * (null: their browser's, then the shop default). The owner does it in the customer widget, the
 * customer in Profile.
 */
export const setPortalLocaleWorkflow = createWorkflow(
  setPortalLocaleWorkflowId,
  (input: { customer_id: string; locale: string | null }) => {
    validateCustomerStep({ customer_id: input.customer_id })
    return new WorkflowResponse(setPortalAccessLocaleStep(input))
  }
)
