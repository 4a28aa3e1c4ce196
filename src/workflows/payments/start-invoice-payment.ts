import { acquireLockStep, createPaymentSessionsWorkflow, releaseLockStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { PortalEventActor, PortalEventType } from "../../modules/portal/constants"
import { logPortalEventStep } from "../steps"
import {
  ensureInvoicePaymentCollectionStep,
  findReusablePaymentSessionStep,
  invoicePaymentLockKey,
  requireClientSecretStep,
  validateInvoicePayableStep,
} from "./steps"
import { STRIPE_PROVIDER_ID } from "../../lib/payable"

export const startInvoicePaymentWorkflowId = "start-invoice-payment"

/**
 * Pay Now: a Stripe payment session (a PaymentIntent) for the invoice's open amount, as the
 * server computes it. One per invoice and amount: concurrent clicks wait on a lock and get the
 * same session back.
 */
export const startInvoicePaymentWorkflow = createWorkflow(
  startInvoicePaymentWorkflowId,
  (input: { customer_id: string; invoice_id: string }) => {
    const invoice = validateInvoicePayableStep(input)
    const lockKey = transform({ input }, ({ input }) => invoicePaymentLockKey(input.invoice_id))
    acquireLockStep({ key: lockKey, timeout: 30, ttl: 60 })

    const collection = transform(
      { ensured: ensureInvoicePaymentCollectionStep({ invoice_id: input.invoice_id }) },
      // Not optional here: validateInvoicePayableStep already refused an invoice with nothing to pay.
      ({ ensured }) => ensured!
    )
    const existing = findReusablePaymentSessionStep(
      transform({ collection }, ({ collection }) => ({
        payment_collection_id: collection.id,
        provider_id: STRIPE_PROVIDER_ID,
        amount: collection.amount,
      }))
    )
    const created = when({ existing }, ({ existing }) => !existing).then(() =>
      createPaymentSessionsWorkflow.runAsStep({
        input: transform({ collection, invoice }, ({ collection, invoice }) => ({
          payment_collection_id: collection.id,
          provider_id: STRIPE_PROVIDER_ID,
          data: { description: `Invoice ${invoice.display_number}` },
        })),
      })
    )
    const session = transform({ existing, created, collection }, ({ existing, created, collection }) => {
      const chosen = existing ?? (created as { id: string; data: Record<string, unknown> })
      return {
        id: chosen.id,
        client_secret: (chosen.data?.client_secret as string) ?? null,
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
          subject_type: "invoice" as const,
          subject_id: input.invoice_id,
          data: { amount: session.amount, currency_code: session.currency_code },
        }))
      )
    })
    return new WorkflowResponse(session)
  }
)
