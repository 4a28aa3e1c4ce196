import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminInvoiceResponse, Sendable } from "../../../../../types/http"
import { refundInvoicePaymentWorkflow } from "../../../../../workflows/invoice"
import { withStateConflicts } from "../../../../utils/state-conflict"
import { refetchInvoice } from "../../helpers"
import type { AdminRefundInvoicePaymentType } from "../../validators"

/** The owner refunds all or part of an online payment of the invoice (Stripe gives the money back). */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminRefundInvoicePaymentType>,
  res: MedusaResponse<Sendable<AdminInvoiceResponse>>
) => {
  await withStateConflicts(() =>
    refundInvoicePaymentWorkflow(req.scope).run({
      input: { invoice_id: req.params.id, ...req.validatedBody, actor_id: req.auth_context?.actor_id ?? null },
    })
  )
  res.json({ invoice: await refetchInvoice(req, req.params.id) })
}
