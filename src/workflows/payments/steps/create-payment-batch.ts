import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PORTAL_MODULE } from "../../../modules/portal"
import type PortalModuleService from "../../../modules/portal/service"
import type { PayableBatch } from "./validate-batch-payable"

export type CreatedPaymentBatch = { id: string; payment_collection_id: string }

/**
 * The batch (its invoices oldest first, with what each asks for now) and its own Medusa payment
 * collection for the sum, linked to it. The customer's earlier open batches in this currency
 * are canceled with their sessions: a page left open on an earlier choice cannot charge as well
 * (a cancel Stripe refuses is left to the capture, which refunds what is not owed).
 * Compensation removes the new batch, its link and collection, and reopens the earlier ones.
 */
export const createPaymentBatchStep = createStep(
  "create-payment-batch",
  async (batch: PayableBatch, { container }) => {
    const portal = container.resolve<PortalModuleService>(PORTAL_MODULE)
    const payments = container.resolve(Modules.PAYMENT)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)

    const earlier = await portal.listPortalPaymentBatches({
      customer_id: batch.customer_id,
      currency_code: batch.currency_code,
      status: "open",
    })
    if (earlier.length) {
      await portal.updatePortalPaymentBatches(earlier.map((b) => ({ id: b.id, status: "canceled" as const })))
      const { data } = await query.graph({
        entity: "portal_payment_batch",
        fields: ["payment_collection.payment_sessions.id", "payment_collection.payment_sessions.status"],
        filters: { id: earlier.map((b) => b.id) },
      })
      for (const row of data as Record<string, any>[]) {
        for (const session of row.payment_collection?.payment_sessions ?? []) {
          if (["pending", "requires_more", "error"].includes(session.status)) {
            await payments.deletePaymentSession(session.id).catch((error: Error) =>
              container
                .resolve(ContainerRegistrationKeys.LOGGER)
                .warn(`Payment session ${session.id} of an earlier batch could not be canceled: ${error.message}`)
            )
          }
        }
      }
    }

    const created = await portal.createPortalPaymentBatches({
      customer_id: batch.customer_id,
      currency_code: batch.currency_code,
      amount: batch.amount,
      items: batch.invoices.map((invoice, position) => ({ invoice_id: invoice.id, position, amount_due: invoice.amount_due })),
    } as never)
    const [collection] = await payments.createPaymentCollections([
      { currency_code: batch.currency_code, amount: batch.amount, metadata: { payment_batch_id: created.id } },
    ])
    await container.resolve(ContainerRegistrationKeys.LINK).create({
      [PORTAL_MODULE]: { portal_payment_batch_id: created.id },
      [Modules.PAYMENT]: { payment_collection_id: collection.id },
    })
    return new StepResponse<CreatedPaymentBatch, { id: string; payment_collection_id: string; reopen: string[] }>(
      { id: created.id, payment_collection_id: collection.id },
      { id: created.id, payment_collection_id: collection.id, reopen: earlier.map((b) => b.id) }
    )
  },
  async (created, { container }) => {
    if (!created) {
      return
    }
    const portal = container.resolve<PortalModuleService>(PORTAL_MODULE)
    await container.resolve(ContainerRegistrationKeys.LINK).dismiss({
      [PORTAL_MODULE]: { portal_payment_batch_id: created.id },
      [Modules.PAYMENT]: { payment_collection_id: created.payment_collection_id },
    })
    await container.resolve(Modules.PAYMENT).deletePaymentCollections(created.payment_collection_id)
    await portal.deletePortalPaymentBatches(created.id)
    if (created.reopen.length) {
      await portal.updatePortalPaymentBatches(created.reopen.map((id) => ({ id, status: "open" as const })))
    }
  }
)
