import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PORTAL_MODULE } from "../../../modules/portal"
import type PortalModuleService from "../../../modules/portal/service"

/**
 * Claims an owed email for this delivery, so it goes out once whichever instance (the event's
 * subscriber, the job on any worker) gets to it. No id: an event from before owed emails were
 * recorded, delivered as before. Compensation gives the claim back for the job's next run.
 */
export const claimEmailDueStep = createStep(
  "claim-portal-email-due",
  async (input: { id?: string | null; now?: Date | string }, { container }) => {
    if (!input.id) {
      return new StepResponse({ claimed: true }, null)
    }
    // A Date in a workflow's input arrives as its ISO string.
    const now = input.now ? new Date(input.now) : new Date()
    const claimed = await container.resolve<PortalModuleService>(PORTAL_MODULE).claimEmailDue(input.id, now)
    return new StepResponse({ claimed }, claimed ? input.id : null)
  },
  async (id: string | null | undefined, { container }) => {
    if (id) {
      await container.resolve<PortalModuleService>(PORTAL_MODULE).updatePortalEmailDues({ id, claimed_at: null })
    }
  }
)

/** The delivery ended (sent, skipped, or refused by the mail server and logged): nothing is owed. */
export const markEmailDoneStep = createStep("mark-portal-email-done", async (input: { id: string }, { container }) => {
  await container.resolve<PortalModuleService>(PORTAL_MODULE).updatePortalEmailDues({ id: input.id, done_at: new Date() })
  return new StepResponse(undefined)
})

/** Owed emails nobody is delivering, for the job. */
export const listEmailsDueStep = createStep(
  "list-portal-emails-due",
  async (input: { now: Date; limit: number }, { container }) => {
    const due = await container.resolve<PortalModuleService>(PORTAL_MODULE).listEmailsDue(new Date(input.now), input.limit)
    return new StepResponse(due)
  }
)
