import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PORTAL_MODULE } from "../../../modules/portal"
import type PortalModuleService from "../../../modules/portal/service"

export type FirstAccessClaim = {
  /** This email is the customer's welcome (first-access) email. */
  first_access: boolean
  /** Set when this run holds the claim, so a failed email can give it back. */
  claimed_at: Date | null
}

type ClaimHeld = { customer_id: string; claimed_at: Date }

/**
 * Decides, atomically, whether this email is the customer's first access: of an invoice and an
 * estimate sent together to a new customer, exactly one welcomes and the other announces its
 * document. No lock is held over the send, so a slow or dead SMTP server delays no other email.
 */
export const claimFirstAccessStep = createStep(
  "claim-portal-first-access",
  async (input: { customer_id: string; first_access: boolean }, { container }) => {
    if (!input.first_access) {
      return new StepResponse<FirstAccessClaim, ClaimHeld | null>({ first_access: false, claimed_at: null }, null)
    }
    const claim = await container.resolve<PortalModuleService>(PORTAL_MODULE).claimFirstAccess(input.customer_id)
    const result = { first_access: Boolean(claim), claimed_at: claim?.claimed_at ?? null }
    return new StepResponse<FirstAccessClaim, ClaimHeld | null>(
      result,
      claim ? { customer_id: input.customer_id, claimed_at: claim.claimed_at } : null
    )
  },
  async (claim: ClaimHeld | null | undefined, { container }) => {
    if (claim) {
      await container.resolve<PortalModuleService>(PORTAL_MODULE).releaseFirstAccess(claim.customer_id, claim.claimed_at)
    }
  }
)

/** The welcome email did not leave: the next email to the customer is the welcome one again. */
export const releaseFirstAccessStep = createStep(
  "release-portal-first-access",
  async (input: { customer_id: string; claimed_at: Date }, { container }) => {
    await container.resolve<PortalModuleService>(PORTAL_MODULE).releaseFirstAccess(input.customer_id, input.claimed_at)
    return new StepResponse(undefined)
  }
)
