import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PORTAL_MODULE } from "../../../modules/portal"
import type PortalModuleService from "../../../modules/portal/service"
import type { PayableBatch } from "./validate-batch-payable"

export type ReusableBatchSession = {
  batch_id: string
  payment_collection_id: string
  session: { id: string; data: Record<string, unknown> }
}

/**
 * The customer's open batch for exactly these invoices and this amount, with a pending Stripe
 * session: a reload or a second click shows the same PaymentIntent instead of opening another.
 */
export const findReusableBatchSessionStep = createStep(
  "find-reusable-batch-session",
  async (batch: PayableBatch, { container }) => {
    const open = await container
      .resolve<PortalModuleService>(PORTAL_MODULE)
      .listPortalPaymentBatches(
        { customer_id: batch.customer_id, currency_code: batch.currency_code, status: "open" },
        { relations: ["items"], order: { created_at: "DESC" } }
      )
    const wanted = batch.invoices.map((i) => i.id).sort().join(",")
    const same = open.find(
      (b) => MathBN.eq(b.amount as never, batch.amount) && b.items.map((i) => i.invoice_id).sort().join(",") === wanted
    )
    if (!same) {
      return new StepResponse<ReusableBatchSession | null>(null)
    }
    const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
      entity: "portal_payment_batch",
      fields: ["payment_collection.id", "payment_collection.payment_sessions.*"],
      filters: { id: same.id },
    })
    const collection = (data[0] as Record<string, any>)?.payment_collection
    const session = (collection?.payment_sessions ?? []).find(
      (s: Record<string, any>) => s.status === "pending" && MathBN.eq(s.amount, batch.amount) && Boolean(s.data?.client_secret)
    )
    return new StepResponse<ReusableBatchSession | null>(
      session ? { batch_id: same.id, payment_collection_id: collection.id, session: { id: session.id, data: session.data } } : null
    )
  }
)
