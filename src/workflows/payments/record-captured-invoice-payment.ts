import { PaymentEvents } from "@medusajs/framework/utils"
import { acquireLockStep, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { recordInvoicePaymentWorkflow } from "../invoice/record-invoice-payment"
import {
  findCapturedInvoicePaymentStep,
  measureOverCaptureStep,
  refundOverCaptureStep,
  reportOverCaptureStep,
} from "./steps"

export const recordCapturedInvoicePaymentWorkflowId = "record-captured-invoice-payment"

/**
 * A payment Medusa captured on an invoice's collection (Stripe's webhook or the return page):
 * recorded on the invoice up to what is still due, never above its total; anything captured
 * beyond that (a race with an offline payment, a void or a second card payment) is refunded
 * through Medusa's Payment Module and reported to the owner. Idempotent per payment: a replay
 * finds it recorded and refunded, and does nothing.
 */
export const recordCapturedInvoicePaymentWorkflow = createWorkflow(
  recordCapturedInvoicePaymentWorkflowId,
  (input: { payment_id: string }) => {
    const captured = findCapturedInvoicePaymentStep(input)
    // Replays of one capture must not both see the same excess and refund it twice. The return
    // page runs this as a sub-workflow, where Medusa skips a lock step unless told otherwise.
    const lockKey = transform({ input }, ({ input }) => `portal-capture-${input.payment_id}`)
    when({ captured }, ({ captured }) => Boolean(captured)).then(() => {
      acquireLockStep({ key: lockKey, timeout: 30, ttl: 120, executeOnSubWorkflow: true })
      recordInvoicePaymentWorkflow.runAsStep({
        input: transform({ captured }, ({ captured }) => ({
          invoice_id: captured!.invoice_id,
          amount: captured!.captured,
          method: "stripe" as const,
          paid_at: captured!.paid_at,
          payment_id: captured!.payment_id,
          actor: "customer" as const,
          up_to_open_amount: true,
        })),
      })
    })
    const over = measureOverCaptureStep(captured)
    const refund = when({ over }, ({ over }) => Boolean(over && over.excess > 0)).then(() => {
      const refund = refundOverCaptureStep(transform({ over }, ({ over }) => over!))
      reportOverCaptureStep(transform({ over, refund }, ({ over, refund }) => ({ over: over!, refund })))
      return refund
    })
    // As refundPaymentWorkflow announces its refunds.
    when({ refund }, ({ refund }) => Boolean(refund?.refunded)).then(() => {
      emitEventStep({ eventName: PaymentEvents.REFUNDED, data: transform({ over }, ({ over }) => ({ id: over!.payment_id })) })
    })
    when({ captured }, ({ captured }) => Boolean(captured)).then(() => {
      releaseLockStep({ key: lockKey, executeOnSubWorkflow: true }).config({ name: "release-capture-lock" })
    })
    return new WorkflowResponse(over)
  }
)
