import { PaymentEvents } from "@medusajs/framework/utils"
import { acquireLockStep, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { PortalEventActor, PortalEvents, PortalEventType } from "../../modules/portal/constants"
import type { InvoicePaymentRefundedEventData } from "../../types/events"
import { refundInvoicePaymentMoneyStep, syncInvoicePaymentCollectionStep } from "../payments/steps"
import { logPortalEventStep } from "../steps"
import { recordInvoiceRefundStep } from "./steps"

export const refundInvoicePaymentWorkflowId = "refund-invoice-payment"

export type RefundInvoicePaymentWorkflowInput = {
  invoice_id: string
  /** The invoice payment (`invpay_…`); may be left out when the invoice has one online payment. */
  payment_id?: string | null
  amount: number
  note?: string | null
  /** The admin user who refunded. */
  actor_id?: string | null
}

/**
 * The owner refunds all or part of an online payment: recorded on the invoice first (at most
 * what is left of the payment; amount paid and status follow), then the money goes back through
 * Medusa's Payment Module (Stripe refunds it). A refund Stripe refuses undoes the record. The
 * open amount grew, so open payment sessions are resized or canceled; the customer is emailed
 * (`portal.invoice.payment_refunded`) and sees the refund on the invoice.
 */
export const refundInvoicePaymentWorkflow = createWorkflow(
  refundInvoicePaymentWorkflowId,
  (input: RefundInvoicePaymentWorkflowInput) => {
    // One refund of an invoice at a time, and never alongside the over-capture refund of the same capture.
    const lockKey = transform({ input }, ({ input }) => `portal-refund-${input.invoice_id}`)
    acquireLockStep({ key: lockKey, timeout: 30, ttl: 120 })
    const result = recordInvoiceRefundStep(
      transform({ input }, ({ input }) => ({
        invoice_id: input.invoice_id,
        invoice_payment_id: input.payment_id ?? null,
        amount: input.amount,
      }))
    )
    refundInvoicePaymentMoneyStep(
      transform({ result, input }, ({ result, input }) => ({
        payment_id: result.refund.medusa_payment_id!,
        amount: result.refund.amount,
        note: input.note?.trim() || `Invoice ${result.invoice.display_number ?? result.invoice.id}: refunded by the owner`,
        created_by: input.actor_id ?? null,
      }))
    )
    syncInvoicePaymentCollectionStep({ invoice_id: input.invoice_id })
    releaseLockStep({ key: lockKey })

    const details = transform({ result, input }, ({ result, input }) => ({
      event: {
        type: PortalEventType.PAYMENT_REFUNDED,
        customer_id: result.invoice.customer_id,
        actor: PortalEventActor.OWNER,
        subject_type: "invoice" as const,
        subject_id: result.invoice.id,
        data: {
          payment_id: result.refund.medusa_payment_id,
          invoice_payment_id: result.refund.invoice_payment_id,
          refunded: result.refund.amount,
          reopened: result.reopened,
          ...(input.note?.trim() ? { note: input.note.trim() } : {}),
        },
      },
      message: {
        id: result.invoice.id,
        customer_id: result.invoice.customer_id,
        payment_id: result.refund.invoice_payment_id,
        amount: result.refund.amount,
        refunded_at: new Date(result.refund.refunded_at).toISOString(),
      } satisfies InvoicePaymentRefundedEventData,
      medusa: { id: result.refund.medusa_payment_id! },
    }))
    logPortalEventStep(details.event)
    // As refundPaymentWorkflow announces its refunds.
    emitEventStep({ eventName: PaymentEvents.REFUNDED, data: details.medusa }).config({ name: "emit-payment-refunded" })
    emitEventStep({ eventName: PortalEvents.INVOICE_PAYMENT_REFUNDED, data: details.message }).config({
      name: "emit-invoice-payment-refunded",
    })
    return new WorkflowResponse(result.invoice)
  }
)
