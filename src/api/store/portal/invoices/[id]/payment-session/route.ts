import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { startInvoicePaymentWorkflow } from "../../../../../../workflows/payments"
import type { StorePaymentSessionType } from "../../../../../portal/validators"
import { portalCustomerId } from "../../../../../utils/portal-auth"

// Guarded by portalJsonAuth (src/api/portal/middlewares.ts), which accepts a portal session or the
// customer's own login: Medusa's global /store auth would only verify the same token twice.
export const AUTHENTICATE = false

/**
 * For storefronts: the Stripe payment session of an invoice (created once, reused after), with
 * the client secret for Stripe's Payment Element. The amount is the server's: the whole amount
 * due, or the part the customer chose (`amount`) where the invoice allows part payments and the
 * server's checks pass.
 */
export const POST = async (req: MedusaRequest<StorePaymentSessionType>, res: MedusaResponse) => {
  const { result } = await startInvoicePaymentWorkflow(req.scope).run({
    input: { customer_id: portalCustomerId(req), invoice_id: req.params.id, amount: req.validatedBody?.amount },
  })
  const { reused: _reused, ...payment_session } = result
  res.json({ payment_session })
}
