import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { PortalEventActor, PortalEventType } from "../../modules/portal/constants"
import { logPortalEventStep } from "../steps"
import {
  chooseInvoicePaymentAmountStep,
  createInvoicePaymentSessionStep,
  ensureInvoicePaymentCollectionStep,
  findReusablePaymentSessionStep,
  invoicePaymentLockKey,
  requireClientSecretStep,
  validateInvoicePayableStep,
} from "./steps"
import { STRIPE_PROVIDER_ID } from "../../lib/payable"

export const startInvoicePaymentWorkflowId = "start-invoice-payment"

export type StartInvoicePaymentInput = {
  customer_id: string
  invoice_id: string
  /**
   * What the customer chose to pay (major units): a part of the amount due when the invoice
   * allows part payments. Checked on the server; absent means the whole amount due.
   */
  amount?: unknown
}

/**
 * Pay Now: a Stripe payment session (a PaymentIntent) for the amount the customer chose — the
 * whole amount due, or a part of it the invoice allows — as the server checks it. One per
 * invoice and amount: concurrent clicks wait on a lock and get the same session back; a new
 * choice replaces the unpaid sessions of earlier ones.
 */
export const startInvoicePaymentWorkflow = createWorkflow(
  startInvoicePaymentWorkflowId,
  (input: StartInvoicePaymentInput) => {
    const invoice = validateInvoicePayableStep(
      transform({ input }, ({ input }) => ({ customer_id: input.customer_id, invoice_id: input.invoice_id }))
    )
    const lockKey = transform({ input }, ({ input }) => invoicePaymentLockKey(input.invoice_id))
    acquireLockStep({ key: lockKey, timeout: 30, ttl: 60 })

    const chosen = chooseInvoicePaymentAmountStep(input)
    const collection = transform(
      { ensured: ensureInvoicePaymentCollectionStep({ invoice_id: input.invoice_id }) },
      // Not optional here: validateInvoicePayableStep already refused an invoice with nothing to pay.
      ({ ensured }) => ensured!
    )
    const existing = findReusablePaymentSessionStep(
      transform({ collection, chosen }, ({ collection, chosen }) => ({
        payment_collection_id: collection.id,
        provider_id: STRIPE_PROVIDER_ID,
        amount: chosen.amount,
      }))
    )
    const created = when({ existing }, ({ existing }) => !existing).then(() =>
      createInvoicePaymentSessionStep(
        transform({ collection, invoice, chosen }, ({ collection, invoice, chosen }) => ({
          payment_collection_id: collection.id,
          provider_id: STRIPE_PROVIDER_ID,
          amount: chosen.amount,
          currency_code: collection.currency_code,
          data: { description: `Invoice ${invoice.display_number}` },
        }))
      )
    )
    const session = transform({ existing, created, collection, chosen }, ({ existing, created, collection, chosen }) => {
      const picked = existing ?? created!
      return {
        id: picked.id,
        client_secret: (picked.data?.client_secret as string) ?? null,
        amount: chosen.amount,
        /** What is due in all: more than `amount` for a part payment. */
        amount_due: collection.amount,
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
          subject_type: "invoice" as const,
          subject_id: input.invoice_id,
          data: { amount: session.amount, amount_due: session.amount_due, currency_code: session.currency_code },
        }))
      )
    })
    return new WorkflowResponse(session)
  }
)
