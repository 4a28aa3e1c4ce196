import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { ModuleCreateEstimate } from "../../types/module"
import { validateCustomerStep } from "../steps"
import { createDraftEstimateStep } from "./steps"

export const createEstimateWorkflowId = "create-estimate"

/** Creates a draft estimate for an existing Medusa customer; totals are computed by the module. */
export const createEstimateWorkflow = createWorkflow(createEstimateWorkflowId, (input: ModuleCreateEstimate) => {
  validateCustomerStep({ customer_id: input.customer_id, currency_code: input.currency_code })
  return new WorkflowResponse(createDraftEstimateStep(input))
})
