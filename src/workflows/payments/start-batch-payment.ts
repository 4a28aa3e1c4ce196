import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { STRIPE_PROVIDER_ID } from "../../lib/payable"
import { PortalEventActor, PortalEventType } from "../../modules/portal/constants"
import { logPortalEventStep } from "../steps"
import { createInvoicePaymentSessionStep, requireClientSecretStep } from "./steps"
import { createPaymentBatchStep } from "./steps/create-payment-batch"
import { findReusableBatchSessionStep } from "./steps/find-reusable-batch-session"
import { validateBatchPayableStep, ValidateBatchPayableInput } from "./steps/validate-batch-payable"

export const startBatchPaymentWorkflowId = "start-batch-payment"

export type StartBatchPaymentInput = ValidateBatchPayableInput

/**
 * "Pay all open invoices" (per currency) or a chosen set, as one Stripe payment: a batch of the
 * customer's own open invoices, a payment collection for the sum of their amounts due (computed
 * on the server) and a Stripe session on it. Concurrent clicks wait on a per-customer lock and
 * get the same session back; a new choice replaces the earlier open batch.
 */
export const startBatchPaymentWorkflow = createWorkflow(startBatchPaymentWorkflowId, (input: StartBatchPaymentInput) => {
  const lockKey = transform({ input }, ({ input }) => `portal-pay-batch-${input.customer_id}`)
  acquireLockStep({ key: lockKey, timeout: 30, ttl: 60 })
  const batch = validateBatchPayableStep(input)
  const existing = findReusableBatchSessionStep(batch)
  const created = when("new-payment-batch", { existing }, ({ existing }) => !existing).then(() => {
    const made = createPaymentBatchStep(batch)
    const session = createInvoicePaymentSessionStep(
      transform({ made, batch }, ({ made, batch }) => ({
        payment_collection_id: made.payment_collection_id,
        provider_id: STRIPE_PROVIDER_ID,
        amount: batch.amount,
        currency_code: batch.currency_code,
        data: { description: `Invoices ${batch.invoices.map((i) => i.display_number ?? i.id).join(", ")}` },
      }))
    ).config({ name: "create-batch-payment-session" })
    return transform({ made, session }, ({ made, session }) => ({ batch_id: made.id, session }))
  })
  const payment = transform({ existing, created, batch }, ({ existing, created, batch }) => {
    const picked = existing ?? created!
    return {
      id: picked.batch_id,
      session_id: picked.session.id,
      client_secret: (picked.session.data?.client_secret as string) ?? null,
      amount: batch.amount,
      currency_code: batch.currency_code,
      provider_id: STRIPE_PROVIDER_ID,
      invoices: batch.invoices.map((i) => ({ id: i.id, number: i.display_number, amount_due: i.amount_due })),
      reused: Boolean(existing),
    }
  })
  requireClientSecretStep(transform({ payment }, ({ payment }) => ({ id: payment.session_id, client_secret: payment.client_secret })))
  releaseLockStep({ key: lockKey })
  when("log-new-payment-batch", { payment }, ({ payment }) => !payment.reused).then(() => {
    logPortalEventStep(
      transform({ input, payment }, ({ input, payment }) => ({
        type: PortalEventType.PAYMENT_STARTED,
        customer_id: input.customer_id,
        actor: PortalEventActor.CUSTOMER,
        subject_type: null,
        subject_id: null,
        data: {
          payment_batch_id: payment.id,
          invoice_ids: payment.invoices.map((i) => i.id),
          amount: payment.amount,
          currency_code: payment.currency_code,
        },
      }))
    )
  })
  return new WorkflowResponse(payment)
})
