import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { notifyOwnerFeedStep, sendPortalEmailStep } from "../steps"
import { EstimateDecidedInput, prepareEstimateDecidedStep } from "./steps"

export const notifyEstimateDecidedWorkflowId = "notify-estimate-decided"

/**
 * Tells the owner about a customer's decision on an estimate: a notification in the Medusa
 * admin's feed and, when the settings name an owner notification address, an email. A failed
 * email is logged in the activity log.
 */
export const notifyEstimateDecidedWorkflow = createWorkflow(notifyEstimateDecidedWorkflowId, (input: EstimateDecidedInput) => {
  const notice = prepareEstimateDecidedStep(input)
  notifyOwnerFeedStep(transform({ notice }, ({ notice }) => notice.feed))
  const sent = when({ notice }, ({ notice }) => Boolean(notice.email)).then(() =>
    sendPortalEmailStep(transform({ notice }, ({ notice }) => notice.email!))
  )
  return new WorkflowResponse(transform({ sent }, ({ sent }) => ({ email: sent ?? null })))
})
