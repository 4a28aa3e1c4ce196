import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { startDepositPaymentWorkflow } from "../../../../../../workflows/deposits"
import { portalCustomerId } from "../../../../../utils/portal-auth"

/**
 * For storefronts: the Stripe payment session for an approved estimate's deposit (created once,
 * reused after), with the client secret for Stripe's Payment Element. The amount is the server's:
 * the deposit still due. Takes no body.
 */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const { result } = await startDepositPaymentWorkflow(req.scope).run({
    input: { customer_id: portalCustomerId(req), estimate_id: req.params.id },
  })
  const { reused: _reused, ...payment_session } = result
  res.json({ payment_session })
}
