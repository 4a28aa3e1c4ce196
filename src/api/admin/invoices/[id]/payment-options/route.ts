import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminInvoiceResponse, Sendable } from "../../../../../types/http"
import { setInvoicePaymentOptionsWorkflow } from "../../../../../workflows/invoice"
import { withStateConflicts } from "../../../../utils/state-conflict"
import { refetchInvoice } from "../../helpers"
import type { AdminInvoicePaymentOptionsType } from "../../validators"

/** Part payments of one invoice: allowed or not, and the minimum (null: the settings' default). */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminInvoicePaymentOptionsType>,
  res: MedusaResponse<Sendable<AdminInvoiceResponse>>
) => {
  await withStateConflicts(() =>
    setInvoicePaymentOptionsWorkflow(req.scope).run({ input: { id: req.params.id, ...req.validatedBody } })
  )
  res.json({ invoice: await refetchInvoice(req, req.params.id) })
}
