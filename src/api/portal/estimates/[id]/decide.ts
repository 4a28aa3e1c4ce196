import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { PORTAL_MODULE } from "../../../../modules/portal"
import type PortalModuleService from "../../../../modules/portal/service"
import { decideEstimateWorkflow } from "../../../../workflows/estimate"
import { loadEstimate } from "../../../loaders"
import { portalCustomerId } from "../../../utils/portal-auth"
import { sendPortalPage } from "../../../utils/portal-pages"
import { PortalDecision } from "../../validators"

/**
 * Approve / Reject from the estimate page. Success redirects back to the estimate (so a reload
 * does not post again); a refusal re-renders the estimate with the reason, with 409 when the
 * estimate was already decided the other way and 400 when it expired.
 */
export async function decideFromPage(req: MedusaRequest, res: MedusaResponse, decision: "accepted" | "rejected") {
  const customerId = portalCustomerId(req)
  const portal = req.scope.resolve<PortalModuleService>(PORTAL_MODULE)
  // 404 for another customer's estimate, before anything else.
  await portal.retrieveCustomerEstimate(customerId, req.params.id)
  const form = PortalDecision.safeParse(req.body ?? {})
  const note = form.success ? form.data.note || null : null
  try {
    if (!form.success) {
      throw Object.assign(new Error(form.error.issues[0].message), { type: "invalid_data" })
    }
    await decideEstimateWorkflow(req.scope).run({
      input: { customer_id: customerId, estimate_id: req.params.id, decision, note },
    })
  } catch (error) {
    const { type, message } = error as { type?: string; message?: string }
    const status = type === "conflict" ? 409 : type === "not_allowed" || type === "invalid_data" ? 400 : 0
    if (!status) {
      throw error
    }
    // The estimate as it is now (not a new view: the customer is still on its page).
    const { estimate } = await loadEstimate(req.scope, customerId, { id: req.params.id })
    return sendPortalPage(req, res, status, "estimate.html.njk", {
      title: `Estimate ${estimate.number}`,
      estimate,
      error: message,
    })
  }
  res.redirect(303, `/portal/estimates/${req.params.id}?decided=${decision}`)
}
