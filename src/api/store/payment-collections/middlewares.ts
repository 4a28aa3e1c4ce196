import type { MedusaNextFunction, MedusaRequest, MedusaResponse, MiddlewareRoute } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"

/**
 * Medusa's own `POST /store/payment-collections/:id/payment-sessions` needs only a publishable
 * key and a collection id, and replaces the collection's sessions: anyone holding an invoice's
 * collection id could cancel the customer's PaymentIntent and open one for an amount the portal
 * no longer owes. An invoice's collection is payable through the portal only; a cart's goes on.
 */
export async function refuseInvoicePaymentCollection(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  try {
    const { data } = await req.scope.resolve(ContainerRegistrationKeys.QUERY).graph({
      entity: "payment_collection",
      fields: ["id", "portal_invoice.id", "portal_estimate.id", "portal_payment_batch.id"],
      filters: { id: req.params.id },
    })
    const linked = data[0] as
      | { portal_invoice?: { id?: string }; portal_estimate?: { id?: string }; portal_payment_batch?: { id?: string } }
      | undefined
    if (linked?.portal_estimate?.id) {
      res.status(403).json({
        type: MedusaError.Types.NOT_ALLOWED,
        message: "This payment is an estimate's deposit: pay it through the customer portal (Pay deposit on the estimate).",
      })
      return
    }
    if (linked?.portal_payment_batch?.id) {
      res.status(403).json({
        type: MedusaError.Types.NOT_ALLOWED,
        message: "This payment belongs to invoices of the customer portal: pay them through the portal.",
      })
      return
    }
    if (linked?.portal_invoice?.id) {
      res.status(403).json({
        type: MedusaError.Types.NOT_ALLOWED,
        message: "This payment belongs to an invoice: pay it through the customer portal (Pay Now on the invoice).",
      })
      return
    }
    next()
  } catch (error) {
    next(error)
  }
}

export const storePaymentCollectionsMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/store/payment-collections/:id/payment-sessions",
    middlewares: [refuseInvoicePaymentCollection],
  },
]
