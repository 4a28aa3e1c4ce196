import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export type CapturedInvoicePayment = {
  payment_id: string
  invoice_id: string
  /** Sum of the payment's captures: the money Stripe actually took. */
  captured: number
  paid_at: Date
}

/**
 * The invoice behind a captured Medusa payment, or null for a cart's or an order's payment. The
 * link says which invoice; a collection the invoice no longer links to (replaced after it was
 * completed or canceled, while a session on it was still open) still names its invoice in the
 * metadata the portal gave it, so money taken late is recorded rather than lost.
 */
export const findCapturedInvoicePaymentStep = createStep(
  "find-captured-invoice-payment",
  async ({ payment_id }: { payment_id: string }, { container }) => {
    const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
      entity: "payment",
      fields: ["id", "captured_at", "captures.amount", "payment_collection.metadata", "payment_collection.portal_invoice.id"],
      filters: { id: payment_id },
    })
    const payment = data[0] as Record<string, any> | undefined
    const collection = payment?.payment_collection
    const invoiceId = (collection?.portal_invoice?.id ?? collection?.metadata?.invoice_id) as string | undefined
    if (!payment || !invoiceId) {
      return new StepResponse<CapturedInvoicePayment | null>(null)
    }
    const captured = (payment.captures ?? []).reduce((sum: any, c: { amount: number }) => MathBN.add(sum, c.amount), MathBN.convert(0))
    return new StepResponse<CapturedInvoicePayment | null>({
      payment_id,
      invoice_id: invoiceId,
      captured: captured.toNumber(),
      paid_at: payment.captured_at ? new Date(payment.captured_at) : new Date(),
    })
  }
)
