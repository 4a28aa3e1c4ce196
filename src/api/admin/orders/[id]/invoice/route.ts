import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminInvoiceResponse, Sendable } from "../../../../../types/http"
import { createInvoiceFromOrderWorkflow } from "../../../../../workflows/invoice"
import { refetchInvoice } from "../../../invoices/helpers"
import { withStateConflicts } from "../../../../utils/state-conflict"
import type { AdminCreateInvoiceFromOrderType } from "../../../invoices/validators"

/** Creates a draft invoice from a Medusa order (once per order). */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateInvoiceFromOrderType>, res: MedusaResponse<Sendable<AdminInvoiceResponse>>) => {
  const { result } = await withStateConflicts(() =>
    createInvoiceFromOrderWorkflow(req.scope).run({ input: { order_id: req.params.id, ...req.validatedBody } })
  )
  res.json({ invoice: await refetchInvoice(req, result.id) })
}
