import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

/** A void invoice can no longer be paid: its open collection is canceled and its sessions dropped. */
export const cancelInvoicePaymentCollectionStep = createStep(
  "cancel-invoice-payment-collection",
  async ({ invoice_id }: { invoice_id: string }, { container }) => {
    const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
      entity: "invoice",
      fields: ["payment_collection.id", "payment_collection.status", "payment_collection.payment_sessions.id"],
      filters: { id: invoice_id },
    })
    const collection = (data[0] as Record<string, any>)?.payment_collection
    if (!collection || ["completed", "canceled"].includes(collection.status)) {
      return new StepResponse(undefined)
    }
    const payments = container.resolve(Modules.PAYMENT)
    for (const session of collection.payment_sessions ?? []) {
      // Cancels the PaymentIntent with the provider, so a page left open cannot still pay it.
      await payments.deletePaymentSession(session.id)
    }
    await payments.updatePaymentCollections(collection.id, { status: "canceled" as never })
    return new StepResponse(undefined)
  }
)
