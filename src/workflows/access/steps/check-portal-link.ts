import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { checkLink, CheckLinkInput } from "../../../api/utils/link-check"

/**
 * Checks a link before anything starts (the rules and the failure accounting are `checkLink`'s,
 * which the link page's GET uses too). A refusal is a result, not an error: the failure it logged
 * and counted is the refusal's own record and must survive.
 */
export const checkPortalLinkStep = createStep("check-portal-link", async (input: CheckLinkInput, { container }) => {
  return new StepResponse(await checkLink(container, input))
})
