import { withStateConflicts } from "../../../../utils/state-conflict"
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminEstimateResponse, Sendable } from "../../../../../types/http"
import { sendEstimateWorkflow } from "../../../../../workflows/estimate"
import { refetchEstimate } from "../../helpers"

/** Sends a draft (or re-sends a sent estimate) to the customer for approval. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<Sendable<AdminEstimateResponse>>) => {
  await withStateConflicts(() => sendEstimateWorkflow(req.scope).run({ input: { id: req.params.id } }))
  res.json({ estimate: await refetchEstimate(req, req.params.id) })
}
