import { withStateConflicts } from "../../../../utils/state-conflict"
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminInvoiceResponse, Sendable } from "../../../../../types/http"
import { voidInvoiceWorkflow } from "../../../../../workflows/invoice"
import { refetchInvoice } from "../../helpers"

export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<Sendable<AdminInvoiceResponse>>) => {
  await withStateConflicts(() => voidInvoiceWorkflow(req.scope).run({ input: { id: req.params.id } }))
  res.json({ invoice: await refetchInvoice(req, req.params.id) })
}
