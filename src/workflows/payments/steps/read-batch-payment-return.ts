import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PaymentReturnOutcome, paymentReturnOutcome } from "../../../lib/payment-return"
import { PORTAL_MODULE } from "../../../modules/portal"
import type PortalModuleService from "../../../modules/portal/service"

export type BatchPaymentReturn = { outcome: PaymentReturnOutcome; reason: string | null; batch_id: string }

/**
 * Where a batch payment stands after the return was processed: "paid" once its capture was
 * shared out over the invoices, otherwise the intent as Stripe last reported it (the same
 * `paymentReturnOutcome` as one invoice's return).
 */
export const readBatchPaymentReturnStep = createStep(
  "read-batch-payment-return",
  async (input: { customer_id: string; batch_id: string; redirect_status?: string | null }, { container }) => {
    const [batch] = await container
      .resolve<PortalModuleService>(PORTAL_MODULE)
      .listPortalPaymentBatches({ id: input.batch_id, customer_id: input.customer_id }, { take: 1 })
    const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
      entity: "portal_payment_batch",
      fields: ["payment_collection.payment_sessions.data", "payment_collection.payment_sessions.created_at"],
      filters: { id: input.batch_id },
    })
    const sessions = ((data[0] as Record<string, any>)?.payment_collection?.payment_sessions ?? []) as { data: any; created_at: string }[]
    const intent = [...sessions].sort((a, b) => String(b.created_at).localeCompare(String(a.created_at)))[0]?.data ?? {}
    const message = intent.last_payment_error?.message
    const reason = typeof message === "string" ? message : null
    return new StepResponse<BatchPaymentReturn>({
      outcome: paymentReturnOutcome({
        // A captured batch is paid; a canceled one that was never paid has nothing to pay any more.
        invoice_status: batch?.status === "captured" ? "paid" : batch?.status === "canceled" ? "void" : "sent",
        intent_status: typeof intent.status === "string" ? intent.status : null,
        failure_message: reason,
        redirect_status: input.redirect_status,
      }),
      reason,
      batch_id: input.batch_id,
    })
  }
)
