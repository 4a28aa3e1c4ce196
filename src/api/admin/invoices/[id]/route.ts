import { withStateConflicts } from "../../../utils/state-conflict"
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminDeleteResponse, AdminInvoiceResponse, Sendable } from "../../../../types/http"
import { deleteInvoiceWorkflow, updateInvoiceWorkflow } from "../../../../workflows/invoice"
import { refetchInvoice } from "../helpers"
import type { AdminUpdateInvoiceType } from "../validators"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<Sendable<AdminInvoiceResponse>>) => {
  res.json({ invoice: await refetchInvoice(req, req.params.id) })
}

/** Edits a draft invoice; `lines`, when given, replace every line. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateInvoiceType>, res: MedusaResponse<Sendable<AdminInvoiceResponse>>) => {
  await withStateConflicts(() => updateInvoiceWorkflow(req.scope).run({ input: { id: req.params.id, update: req.validatedBody } }))
  res.json({ invoice: await refetchInvoice(req, req.params.id) })
}

export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<Sendable<AdminDeleteResponse<"invoice">>>) => {
  await withStateConflicts(() => deleteInvoiceWorkflow(req.scope).run({ input: { id: req.params.id } }))
  res.json({ id: req.params.id, object: "invoice", deleted: true })
}
