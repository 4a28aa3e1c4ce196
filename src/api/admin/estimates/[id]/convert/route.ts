import { withStateConflicts } from "../../../../utils/state-conflict"
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminConvertEstimateResponse, Sendable } from "../../../../../types/http"
import { convertEstimateWorkflow } from "../../../../../workflows/estimate"
import { refetchInvoice } from "../../../invoices/helpers"
import { refetchEstimate } from "../../helpers"
import type { AdminConvertEstimateType } from "../../validators"

/** Converts an accepted estimate into a new draft invoice with the same lines. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminConvertEstimateType>, res: MedusaResponse<Sendable<AdminConvertEstimateResponse>>) => {
  const { result } = await withStateConflicts(() => convertEstimateWorkflow(req.scope).run({
    input: { id: req.params.id, due_date: req.validatedBody?.due_date },
  }))
  // The route's `fields` describe the estimate; the invoice comes with its defaults.
  const invoice = await refetchInvoice({ scope: req.scope } as typeof req, result.invoice.id)
  res.json({ invoice, estimate: await refetchEstimate(req, req.params.id) })
}
