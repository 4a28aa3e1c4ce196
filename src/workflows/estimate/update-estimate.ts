import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { ModuleUpdateEstimate } from "../../types/module"
import { validateCustomerStep } from "../steps"
import { updateDraftEstimateStep } from "./steps"

export const updateEstimateWorkflowId = "update-estimate"

/** Edits a draft estimate; anything but a draft is refused with 409. */
export const updateEstimateWorkflow = createWorkflow(
  updateEstimateWorkflowId,
  (input: { id: string; update: ModuleUpdateEstimate }) => {
    validateCustomerStep({ customer_id: input.update.customer_id, currency_code: input.update.currency_code })
    return new WorkflowResponse(updateDraftEstimateStep(input))
  }
)
