import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminEstimateResponse, Sendable } from "../../../../../types/http"
import { setEstimateDepositWorkflow } from "../../../../../workflows/deposits"
import { withStateConflicts } from "../../../../utils/state-conflict"
import { refetchEstimate } from "../../helpers"
import type { AdminSetEstimateDepositType } from "../../validators"

/**
 * Sets the deposit the customer is asked to pay once they approve the estimate (a percentage or
 * a fixed amount), or removes it with `type: null`. Only while the estimate is a draft or pending
 * (409 otherwise); a value out of range is a 400 saying what to enter.
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminSetEstimateDepositType>,
  res: MedusaResponse<Sendable<AdminEstimateResponse>>
) => {
  await withStateConflicts(() =>
    setEstimateDepositWorkflow(req.scope).run({
      input: { id: req.params.id, type: req.validatedBody.type, value: req.validatedBody.value },
    })
  )
  res.json({ estimate: await refetchEstimate(req, req.params.id) })
}
