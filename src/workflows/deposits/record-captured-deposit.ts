import { PaymentEvents } from "@medusajs/framework/utils"
import { acquireLockStep, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { PortalEventActor, PortalEvents, PortalEventType } from "../../modules/portal/constants"
import { logPortalEventStep } from "../steps"
import { findCapturedDepositPaymentStep, recordEstimateDepositStep, refundDepositOverCaptureStep } from "./steps"

export const recordCapturedDepositWorkflowId = "record-captured-deposit"

/**
 * A payment Medusa captured on an estimate's deposit collection (Stripe's webhook or the return
 * page): recorded on the estimate up to the deposit due, anything beyond refunded and reported.
 * Any other payment (an invoice's, a cart's) is not its business and changes nothing. Idempotent
 * per payment: a replay finds it recorded (and refunded) and does nothing, no second receipt.
 */
export const recordCapturedDepositWorkflow = createWorkflow(recordCapturedDepositWorkflowId, (input: { payment_id: string }) => {
  const captured = findCapturedDepositPaymentStep(input)
  // The same key as an invoice capture: one payment is recorded by one run at a time.
  const lockKey = transform({ input }, ({ input }) => `portal-capture-${input.payment_id}`)
  const result = when("record-deposit-when-captured", { captured }, ({ captured }) => Boolean(captured)).then(() => {
    acquireLockStep({ key: lockKey, timeout: 30, ttl: 120, executeOnSubWorkflow: true })
    const recorded = recordEstimateDepositStep(transform({ captured }, ({ captured }) => captured!))
    const over = refundDepositOverCaptureStep(transform({ captured }, ({ captured }) => captured!))
    releaseLockStep({ key: lockKey, executeOnSubWorkflow: true }).config({ name: "release-deposit-capture-lock" })
    return transform({ recorded, over }, ({ recorded, over }) => ({ ...recorded, over }))
  })
  when({ result }, ({ result }) => Boolean(result?.over.refunded)).then(() => {
    emitEventStep({ eventName: PaymentEvents.REFUNDED, data: transform({ input }, ({ input }) => ({ id: input.payment_id })) }).config({
      name: "emit-deposit-refunded",
    })
  })
  when({ result }, ({ result }) => Boolean(result?.recorded)).then(() => {
    const details = transform({ result, captured }, ({ result, captured }) => ({
      event: {
        type: PortalEventType.DEPOSIT_PAID,
        customer_id: result!.estimate.customer_id,
        actor: PortalEventActor.CUSTOMER,
        subject_type: "estimate" as const,
        subject_id: result!.estimate.id,
        data: { payment_id: captured!.payment_id, captured: captured!.captured },
      },
      message: { id: result!.estimate.id, customer_id: result!.estimate.customer_id, payment_id: captured!.payment_id },
    }))
    logPortalEventStep(details.event)
    emitEventStep({ eventName: PortalEvents.ESTIMATE_DEPOSIT_PAID, data: details.message }).config({ name: "emit-deposit-paid" })
  })
  return new WorkflowResponse(transform({ result }, ({ result }) => result ?? null))
})
