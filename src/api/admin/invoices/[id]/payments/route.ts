import { withStateConflicts } from "../../../../utils/state-conflict"
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminInvoiceResponse, Sendable } from "../../../../../types/http"
import { recordInvoicePaymentWorkflow } from "../../../../../workflows/invoice"
import { refetchInvoice } from "../../helpers"
import type { AdminRecordInvoicePaymentType } from "../../validators"

/** Records an offline payment (cash, cheque, transfer, …) against a sent invoice. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminRecordInvoicePaymentType>, res: MedusaResponse<Sendable<AdminInvoiceResponse>>) => {
  await withStateConflicts(() => recordInvoicePaymentWorkflow(req.scope).run({
    input: { invoice_id: req.params.id, ...req.validatedBody, actor: "owner" },
  }))
  res.json({ invoice: await refetchInvoice(req, req.params.id) })
}
