import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { planInvoicePaymentCollection } from "../../../lib/payment-collection-plan"
import { cancelOpenBatchesOfInvoice } from "./cancel-open-batches-of-invoice"
import { PORTAL_MODULE } from "../../../modules/portal"
import type PortalModuleService from "../../../modules/portal/service"

/** Held by Pay Now while it opens a session, and by this step: a session is never opened for an amount this step just changed. */
export const invoicePaymentLockKey = (invoiceId: string) => `portal-pay-${invoiceId}`

type Previous = { id: string; amount: number; status: string }

/**
 * After the invoice's open amount changed: applies `planInvoicePaymentCollection` to its
 * payment collection. Sessions are deleted through the Payment Module, so the Stripe provider
 * cancels their PaymentIntents. A cancel Stripe refuses (the customer has just paid it) is left
 * to the capture workflow, which refunds what exceeds the amount due; the business change is
 * not undone for it. Compensation restores the collection; a canceled intent stays canceled
 * (the customer opens a new one with Pay Now).
 */
export const syncInvoicePaymentCollectionStep = createStep(
  "sync-invoice-payment-collection",
  async ({ invoice_id }: { invoice_id: string }, { container }) => {
    const previous = await syncInvoicePaymentCollection(container, invoice_id)
    return new StepResponse(undefined, previous)
  },
  async (previous, { container }) => {
    if (previous) {
      await container
        .resolve(Modules.PAYMENT)
        .updatePaymentCollections(previous.id, { amount: previous.amount, status: previous.status as never })
    }
  }
)

/** The step's work, for a step that syncs several invoices (a batch payment's). */
export async function syncInvoicePaymentCollection(container: MedusaContainer, invoiceId: string) {
  const previous = await container
    .resolve(Modules.LOCKING)
    .execute(invoicePaymentLockKey(invoiceId), () => sync(container, invoiceId), { timeout: 30 })
  // A batch that asks for this invoice's old amount could now charge more than is due.
  await cancelOpenBatchesOfInvoice(container, invoiceId)
  return previous
}

async function sync(container: MedusaContainer, invoiceId: string): Promise<Previous | undefined> {
  const invoice = await container.resolve<PortalModuleService>(PORTAL_MODULE).retrievePortalInvoice(invoiceId)
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "portal_invoice",
    fields: [
      "payment_collection.id",
      "payment_collection.amount",
      "payment_collection.status",
      "payment_collection.payment_sessions.id",
      "payment_collection.payment_sessions.amount",
      "payment_collection.payment_sessions.status",
    ],
    filters: { id: invoiceId },
  })
  const collection = (data[0] as Record<string, any>)?.payment_collection
  if (!collection) {
    return undefined
  }
  const plan = planInvoicePaymentCollection(invoice, { ...collection, payment_sessions: collection.payment_sessions ?? [] })
  const payments = container.resolve(Modules.PAYMENT)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  for (const id of plan.cancel_session_ids) {
    await payments.deletePaymentSession(id).catch((error: Error) =>
      logger.warn(`Payment session ${id} of invoice ${invoiceId} could not be canceled: ${error.message}`)
    )
  }
  if (!plan.collection) {
    return undefined
  }
  const previous = { id: collection.id, amount: Number(collection.amount), status: collection.status }
  await payments.updatePaymentCollections(
    collection.id,
    plan.collection === "cancel" ? { status: "canceled" as never } : { amount: plan.collection.amount }
  )
  return previous
}
