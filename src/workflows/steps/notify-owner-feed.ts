import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { notifyOwnerFeed } from "../../lib/owner-feed"

export type NotifyOwnerFeedStepInput = Parameters<typeof notifyOwnerFeed>[1]

/**
 * An entry in the Medusa admin's notification feed, keyed so a second delivery of the event
 * behind it adds nothing. Never fails the workflow (a failure is logged as a warning) and is not
 * compensated: the owner was told.
 */
export const notifyOwnerFeedStep = createStep("notify-owner-feed", async (input: NotifyOwnerFeedStepInput, { container }) => {
  await notifyOwnerFeed(container, input)
  return new StepResponse(undefined)
})
