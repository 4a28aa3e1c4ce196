import type { BigNumberInput } from "@medusajs/framework/types"
import { MathBN } from "@medusajs/framework/utils"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { InvoicePaymentMethod, PortalEventActor, PortalEvents, PortalEventType } from "../../modules/portal/constants"
import type { InvoicePaidEventData } from "../../types/events"
import { logPortalEventStep } from "../steps"
import { syncInvoicePaymentCollectionStep } from "../payments/steps"
import { recordInvoicePaymentStep, RecordInvoicePaymentStepInput } from "./steps"

export const recordInvoicePaymentWorkflowId = "record-invoice-payment"

/**
 * Records a payment against a sent invoice (an owner's offline payment, or a captured online
 * one). Paying the open amount marks the invoice paid and emits `portal.invoice.paid` naming
 * the payment that settled it.
 */
export const recordInvoicePaymentWorkflow = createWorkflow(
  recordInvoicePaymentWorkflowId,
  (input: RecordInvoicePaymentStepInput & { actor?: "owner" | "customer" | "system" }) => {
    const result = recordInvoicePaymentStep(input)

    when({ result }, ({ result }) => result.recorded).then(() => {
      // recorded ⇒ a payment was written
      const details = transform({ result, input }, ({ result, input }) => ({
        event: {
          type: PortalEventType.PAYMENT_RECORDED,
          customer_id: result.invoice.customer_id,
          actor: input.actor ?? PortalEventActor.OWNER,
          subject_type: "invoice" as const,
          subject_id: result.invoice.id,
          data: { amount: result.payment!.amount, method: result.payment!.method, paid: result.paid },
        },
        message: {
          id: result.invoice.id,
          customer_id: result.invoice.customer_id,
          payment_id: result.payment!.id,
          method: result.payment!.method,
          // The payment that settled the invoice gets its receipt from `portal.invoice.paid`.
          settled: result.paid,
        },
      }))
      logPortalEventStep(details.event)
      emitEventStep({ eventName: PortalEvents.INVOICE_PAYMENT_RECORDED, data: details.message })
    })

    // Less is due now: no open PaymentIntent may still charge the old amount.
    when({ result }, ({ result }) => result.recorded).then(() => {
      syncInvoicePaymentCollectionStep({ invoice_id: input.invoice_id })
    })

    when({ result }, ({ result }) => result.paid).then(() => {
      // paid ⇒ this run's payment settled the invoice: the event names it.
      const paid = transform({ result }, ({ result }): InvoicePaidEventData => ({
        id: result.invoice.id,
        customer_id: result.invoice.customer_id,
        payment_id: result.payment!.id,
        method: result.payment!.method as InvoicePaymentMethod,
        amount: MathBN.convert(result.payment!.amount as BigNumberInput).toNumber(),
        medusa_payment_id: result.payment!.payment_id ?? null,
      }))
      emitEventStep({ eventName: PortalEvents.INVOICE_PAID, data: paid }).config({ name: "emit-invoice-paid" })
    })

    return new WorkflowResponse(result.invoice)
  }
)
