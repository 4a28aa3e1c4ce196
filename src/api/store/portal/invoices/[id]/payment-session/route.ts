import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { startInvoicePaymentWorkflow } from "../../../../../../workflows/payments"
import { portalCustomerId } from "../../../../../utils/portal-auth"

/**
 * For storefronts: the Stripe payment session of an invoice (created once, reused after), with
 * the client secret for Stripe's Payment Element. The amount is the server's, never the client's.
 */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const { result } = await startInvoicePaymentWorkflow(req.scope).run({
    input: { customer_id: portalCustomerId(req), invoice_id: req.params.id },
  })
  const { reused: _reused, ...payment_session } = result
  res.json({ payment_session })
}
