import { PaymentEvents } from "@medusajs/framework/utils"
import { acquireLockStep, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { PortalEvents } from "../../modules/portal/constants"
import { refundOverCaptureStep, reportOverCaptureStep } from "./steps"
import { allocateBatchPaymentStep } from "./steps/allocate-batch-payment"
import { findCapturedBatchPaymentStep } from "./steps/find-captured-batch-payment"
import { finishBatchAllocationStep } from "./steps/finish-batch-allocation"
import { measureBatchOverCaptureStep } from "./steps/measure-batch-over-capture"

export const recordCapturedBatchPaymentWorkflowId = "record-captured-batch-payment"

/**
 * A payment Medusa captured on a batch's collection (Stripe's webhook or the return page): shared
 * out over the batch's invoices oldest first and recorded on each, never above what each still
 * asks for; whatever no invoice could take (one changed in between) is refunded through Medusa's
 * Payment Module and reported to the owner, by the single-invoice capture's own steps. One
 * receipt lists the invoices. Idempotent per payment: a replay finds every share recorded and
 * nothing left to refund, and does nothing.
 */
export const recordCapturedBatchPaymentWorkflow = createWorkflow(
  recordCapturedBatchPaymentWorkflowId,
  (input: { payment_id: string }) => {
    const captured = findCapturedBatchPaymentStep(input)
    // The same key as the single-invoice capture: replays of one capture never run side by side.
    const lockKey = transform({ input }, ({ input }) => `portal-capture-${input.payment_id}`)
    const allocation = when("batch-payment-captured", { captured }, ({ captured }) => Boolean(captured)).then(() => {
      // Held on the return page too, where this runs inside its workflow.
      acquireLockStep({ key: lockKey, timeout: 30, ttl: 120, executeOnSubWorkflow: true })
      const allocation = allocateBatchPaymentStep(transform({ captured }, ({ captured }) => captured!))
      finishBatchAllocationStep(allocation)
      return allocation
    })
    when("batch-payment-recorded", { allocation }, ({ allocation }) => Boolean(allocation?.invoices.some((i) => i.recorded))).then(() => {
      emitEventStep({
        eventName: PortalEvents.PAYMENT_BATCH_CAPTURED,
        data: transform({ allocation }, ({ allocation }) => ({
          id: allocation!.batch_id,
          customer_id: allocation!.customer_id,
          payment_id: allocation!.payment_id,
        })),
      }).config({ name: "emit-payment-batch-captured" })
    })
    const over = measureBatchOverCaptureStep(captured)
    const refund = when("batch-over-captured", { over }, ({ over }) => Boolean(over && over.excess > 0)).then(() => {
      const refund = refundOverCaptureStep(transform({ over }, ({ over }) => over!))
      reportOverCaptureStep(transform({ over, refund }, ({ over, refund }) => ({ over: over!, refund })))
      return refund
    })
    when("batch-excess-refunded", { refund }, ({ refund }) => Boolean(refund?.refunded)).then(() => {
      emitEventStep({ eventName: PaymentEvents.REFUNDED, data: transform({ over }, ({ over }) => ({ id: over!.payment_id })) })
    })
    when("batch-capture-done", { captured }, ({ captured }) => Boolean(captured)).then(() => {
      releaseLockStep({ key: lockKey, executeOnSubWorkflow: true }).config({ name: "release-capture-lock" })
    })
    return new WorkflowResponse(transform({ allocation, over }, ({ allocation, over }) => ({ allocation: allocation ?? null, over })))
  }
)
