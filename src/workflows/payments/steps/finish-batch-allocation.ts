import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PORTAL_MODULE } from "../../../modules/portal"
import { PortalEventActor, PortalEventType } from "../../../modules/portal/constants"
import type PortalModuleService from "../../../modules/portal/service"
import type { BatchAllocationResult } from "./allocate-batch-payment"
import { syncInvoicePaymentCollection } from "./sync-invoice-payment-collection"

/**
 * What `recordInvoicePaymentWorkflow` does after a payment, for each invoice a batch payment was
 * recorded on: the activity log entry, and the invoice's own payment collection brought to what
 * is still due (its open single-invoice sessions canceled, so they cannot charge again). The
 * per-invoice receipt events are not emitted: the batch sends one receipt listing them all.
 * Nothing to undo: the log entries go with the payments' compensation, and a canceled
 * PaymentIntent stays canceled.
 */
export const finishBatchAllocationStep = createStep(
  "finish-batch-allocation",
  async (allocation: BatchAllocationResult, { container }) => {
    const portal = container.resolve<PortalModuleService>(PORTAL_MODULE)
    for (const invoice of allocation.invoices.filter((i) => i.recorded)) {
      await portal.logEvent({
        type: PortalEventType.PAYMENT_RECORDED,
        customer_id: allocation.customer_id,
        actor: PortalEventActor.CUSTOMER,
        subject_type: "invoice",
        subject_id: invoice.invoice_id,
        data: { amount: invoice.amount, method: "stripe", paid: invoice.paid, payment_batch_id: allocation.batch_id },
      })
      await syncInvoicePaymentCollection(container, invoice.invoice_id)
    }
    return new StepResponse(undefined)
  }
)
