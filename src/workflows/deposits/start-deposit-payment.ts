import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { STRIPE_PROVIDER_ID } from "../../lib/payable"
import { PortalEventActor, PortalEventType } from "../../modules/portal/constants"
import { createInvoicePaymentSessionStep, findReusablePaymentSessionStep, requireClientSecretStep } from "../payments/steps"
import { logPortalEventStep } from "../steps"
import { depositPaymentLockKey, ensureDepositPaymentCollectionStep, validateDepositPayableStep } from "./steps"

export const startDepositPaymentWorkflowId = "start-deposit-payment"

export type StartDepositPaymentInput = { customer_id: string; estimate_id: string }

/**
 * "Pay deposit" on an approved estimate: a Stripe payment session (a PaymentIntent) for the
 * deposit still due, as the server computes it, on the estimate's own payment collection. The
 * session steps are the invoice's (reuse a pending one for the same amount, else cancel the
 * unpaid ones and open a new one). Under the deposit lock: concurrent clicks get one session,
 * and conversion cannot cancel the collection in between.
 */
export const startDepositPaymentWorkflow = createWorkflow(startDepositPaymentWorkflowId, (input: StartDepositPaymentInput) => {
  const estimate = validateDepositPayableStep(input)
  const lockKey = transform({ input }, ({ input }) => depositPaymentLockKey(input.estimate_id))
  acquireLockStep({ key: lockKey, timeout: 30, ttl: 60 })
  const collection = ensureDepositPaymentCollectionStep({ estimate_id: input.estimate_id })
  const existing = findReusablePaymentSessionStep(
    transform({ collection }, ({ collection }) => ({
      payment_collection_id: collection.id,
      provider_id: STRIPE_PROVIDER_ID,
      amount: collection.amount,
    }))
  )
  const created = when("create-deposit-session-when-none", { existing }, ({ existing }) => !existing).then(() =>
    createInvoicePaymentSessionStep(
      transform({ collection, estimate }, ({ collection, estimate }) => ({
        payment_collection_id: collection.id,
        provider_id: STRIPE_PROVIDER_ID,
        amount: collection.amount,
        currency_code: collection.currency_code,
        data: { description: `Deposit on estimate ${estimate.display_number}` },
      }))
    )
  )
  const session = transform({ existing, created, collection }, ({ existing, created, collection }) => {
    const picked = existing ?? created!
    return {
      id: picked.id,
      client_secret: (picked.data?.client_secret as string) ?? null,
      amount: collection.amount,
      currency_code: collection.currency_code,
      provider_id: STRIPE_PROVIDER_ID,
      reused: Boolean(existing),
    }
  })
  requireClientSecretStep(session)
  releaseLockStep({ key: lockKey })
  when({ session }, ({ session }) => !session.reused).then(() => {
    logPortalEventStep(
      transform({ input, session }, ({ input, session }) => ({
        type: PortalEventType.PAYMENT_STARTED,
        customer_id: input.customer_id,
        actor: PortalEventActor.CUSTOMER,
        subject_type: "estimate" as const,
        subject_id: input.estimate_id,
        data: { deposit: true, amount: session.amount, currency_code: session.currency_code },
      }))
    )
  })
  return new WorkflowResponse(session)
})
