import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { startBatchPaymentWorkflow } from "../../../../workflows/payments"
import { portalCustomerId } from "../../../utils/portal-auth"
import type { StorePortalPaymentType } from "./validators"

/**
 * For storefronts: one Stripe payment for several of the customer's open invoices (all of them
 * in a currency, or a chosen set), with the client secret for Stripe's Payment Element. The
 * amount is the server's sum of the amounts due; the capture settles the invoices oldest first.
 */
export const POST = async (req: MedusaRequest<StorePortalPaymentType>, res: MedusaResponse) => {
  const body = req.validatedBody
  const { result } = await startBatchPaymentWorkflow(req.scope).run({
    input: { customer_id: portalCustomerId(req), currency_code: body.currency_code, invoice_ids: body.invoice_ids },
  })
  const { reused: _reused, session_id: _session, ...payment } = result
  res.json({ payment })
}
