import { withStateConflicts } from "../../../../utils/state-conflict"
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminReviseEstimateResponse, Sendable } from "../../../../../types/http"
import { reviseEstimateWorkflow } from "../../../../../workflows/estimate"
import { refetchEstimate, withRevisionLinks } from "../../helpers"
import type { AdminReviseEstimateType } from "../../validators"

/**
 * Re-opens a rejected estimate as a new draft revision (EST-0007 → EST-0007-2) and answers with
 * the revision. A pending, accepted or draft estimate, or one already revised, is a 409 saying why.
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminReviseEstimateType>, res: MedusaResponse<Sendable<AdminReviseEstimateResponse>>) => {
  const { result } = await withStateConflicts(() => reviseEstimateWorkflow(req.scope).run({ input: { id: req.params.id } }))
  res.status(201).json({ estimate: await withRevisionLinks(req.scope, await refetchEstimate(req, result.id)) })
}
