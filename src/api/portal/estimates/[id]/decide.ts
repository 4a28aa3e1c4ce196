import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { signatureProblem } from "../../../../lib/approval"
import { decideEstimateWorkflow } from "../../../../workflows/estimate"
import { loadEstimate } from "../../../loaders"
import { decisionRequest } from "../../../utils/decision-request"
import { portalCustomerId } from "../../../utils/portal-auth"
import { sendPortalPage } from "../../../utils/portal-pages"
import { PortalDecision, PortalDecisionType } from "../../validators"
import { requestT } from "../../../utils/request-locale"
import { localizeMessage } from "../../../../lib/i18n"

type Decision = "accepted" | "rejected"

/** The fields the confirmation step shows again after a refusal (what the customer typed). */
const typed = (form: Partial<PortalDecisionType>) => ({ full_name: form.full_name ?? "", accept_terms: form.accept_terms === "on" })

/** The confirmation step of Approve: the estimate as it is now, the name field and the terms box. */
export async function renderConfirmPage(
  req: MedusaRequest,
  res: MedusaResponse,
  status: number,
  extra: {
    error?: string
    /** The field the error is about: the page marks it aria-invalid and points it at the message. */
    error_field?: string | null
    changed?: { total_was: number | null }
    form?: ReturnType<typeof typed>
  } = {}
) {
  const { policy } = await decisionRequest(req)
  const { estimate } = await loadEstimate(req.scope, portalCustomerId(req), { id: req.params.id, policy })
  if (!estimate.can_decide) {
    // Decided or expired meanwhile: the estimate page says which.
    return res.redirect(303, `/portal/estimates/${estimate.id}`)
  }
  const t = await requestT(req)
  return sendPortalPage(req, res, status, "estimate-confirm.html.njk", {
    title: t("page.confirm.title", { number: estimate.number }),
    estimate,
    form: extra.form ?? typed({}),
    error: extra.error ?? null,
    error_field: extra.error ? extra.error_field ?? null : null,
    changed: extra.changed ?? null,
  })
}

/**
 * Approve (from the confirmation step) / Reject (from the estimate page). Success redirects back
 * to the estimate, so a reload does not post again. A refusal changes nothing and shows why: a
 * missing name or unticked terms (400) and a changed estimate (409, with what changed) re-show
 * the confirmation step; an estimate already decided the other way (409) or expired (400)
 * re-renders the estimate.
 */
export async function decideFromPage(req: MedusaRequest, res: MedusaResponse, decision: Decision) {
  const customerId = portalCustomerId(req)
  const form = PortalDecision.safeParse(req.body ?? {})
  const input: Partial<PortalDecisionType> = form.success ? form.data : {}
  try {
    if (!form.success) {
      throw Object.assign(new Error(form.error.issues[0].message), { type: "invalid_data" })
    }
    const { policy, origin } = await decisionRequest(req)
    await decideEstimateWorkflow(req.scope).run({
      input: {
        customer_id: customerId,
        estimate_id: req.params.id,
        decision,
        note: input.note || null,
        signature: { full_name: input.full_name, accept_terms: input.accept_terms === "on" },
        policy,
        seen_hash: input.estimate_hash || null,
        origin,
      },
    })
  } catch (error) {
    const { type, message: english } = error as { type?: string; message?: string }
    const message = english && localizeMessage(english, await requestT(req))
    const status = type === "conflict" ? 409 : type === "not_allowed" || type === "invalid_data" ? 400 : 0
    if (!status) {
      throw error
    }
    // The estimate as it is now (not a new view: the customer is still on its page).
    const { policy } = await decisionRequest(req)
    const { estimate } = await loadEstimate(req.scope, customerId, { id: req.params.id, policy })
    const title = (await requestT(req))("page.estimate.title", { number: estimate.number })
    if (estimate.can_decide && (status === 409 || (decision === "accepted" && type === "invalid_data"))) {
      // Still pending: the input was incomplete, or the estimate changed under the customer.
      const shownTotal = Number(input.shown_total)
      const changed = status === 409 ? { total_was: input.shown_total && Number.isFinite(shownTotal) ? shownTotal : null } : undefined
      if (decision === "accepted") {
        // A change may be new terms: the box is ticked again, on what is shown now.
        const shownForm = changed ? { ...typed(input), accept_terms: false } : typed(input)
        // Which field to mark: the form's own check, or else the signing rule's first complaint.
        const errorField = !form.success
          ? String(form.error.issues[0].path[0] ?? "")
          : signatureProblem(decision, policy, { full_name: input.full_name, accept_terms: input.accept_terms === "on" })?.field
        return renderConfirmPage(req, res, status, { error: changed ? undefined : message, error_field: errorField, changed, form: shownForm })
      }
      return sendPortalPage(req, res, status, "estimate.html.njk", { title, estimate, changed })
    }
    return sendPortalPage(req, res, status, "estimate.html.njk", {
      title,
      estimate,
      error: message,
    })
  }
  res.redirect(303, `/portal/estimates/${req.params.id}?decided=${decision}`)
}
