import { withStateConflicts } from "../../../utils/state-conflict"
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminDeleteResponse, AdminEstimateResponse, Sendable } from "../../../../types/http"
import { deleteEstimateWorkflow, updateEstimateWorkflow } from "../../../../workflows/estimate"
import { refetchEstimate, withRevisionLinks } from "../helpers"
import type { AdminUpdateEstimateType } from "../validators"

/** The estimate with its revision history (`revision_of`, `revised_as`). */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<Sendable<AdminEstimateResponse>>) => {
  res.json({ estimate: await withRevisionLinks(req.scope, await refetchEstimate(req, req.params.id)) })
}

/** Edits a draft estimate; `lines`, when given, replace every line. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateEstimateType>, res: MedusaResponse<Sendable<AdminEstimateResponse>>) => {
  await withStateConflicts(() => updateEstimateWorkflow(req.scope).run({ input: { id: req.params.id, update: req.validatedBody } }))
  res.json({ estimate: await refetchEstimate(req, req.params.id) })
}

export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<Sendable<AdminDeleteResponse<"estimate">>>) => {
  await withStateConflicts(() => deleteEstimateWorkflow(req.scope).run({ input: { id: req.params.id } }))
  res.json({ id: req.params.id, object: "estimate", deleted: true })
}
