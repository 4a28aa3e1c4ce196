import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { PortalEvents } from "../../modules/portal/constants"
import { cancelDepositPaymentCollectionStep } from "../deposits/steps"
import { convertEstimateStep } from "./steps"

export const convertEstimateWorkflowId = "convert-estimate"

/**
 * Turns an accepted estimate into a draft invoice the owner can review and send. A deposit the
 * customer paid comes along as a payment on the invoice; a deposit not yet paid can no longer be
 * (its open Stripe sessions are canceled): the invoice asks for the whole amount instead.
 */
export const convertEstimateWorkflow = createWorkflow(
  convertEstimateWorkflowId,
  (input: { id: string; due_date?: string | Date | null }) => {
    const result = convertEstimateStep(input)
    cancelDepositPaymentCollectionStep({ estimate_id: input.id })
    const message = transform({ result }, ({ result }) => ({
      id: result.estimate.id,
      invoice_id: result.invoice.id,
      customer_id: result.estimate.customer_id,
    }))
    emitEventStep({ eventName: PortalEvents.ESTIMATE_CONVERTED, data: message })
    return new WorkflowResponse(result)
  }
)
