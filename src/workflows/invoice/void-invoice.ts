import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { PortalEventActor, PortalEvents, PortalEventType } from "../../modules/portal/constants"
import { logPortalEventStep } from "../steps"
import { syncInvoicePaymentCollectionStep } from "../payments/steps"
import { voidInvoiceStep } from "./steps"

export const voidInvoiceWorkflowId = "void-invoice"

/** sent → void. Voiding a void invoice again is a no-op and emits nothing. */
export const voidInvoiceWorkflow = createWorkflow(voidInvoiceWorkflowId, (input: { id: string }) => {
  const result = voidInvoiceStep(input.id)

  when({ result }, ({ result }) => result.changed).then(() => {
    const details = transform({ result }, ({ result }) => ({
      event: {
        type: PortalEventType.INVOICE_VOIDED,
        customer_id: result.invoice.customer_id,
        actor: PortalEventActor.OWNER,
        subject_type: "invoice" as const,
        subject_id: result.invoice.id,
        data: { display_number: result.invoice.display_number },
      },
      message: { id: result.invoice.id, customer_id: result.invoice.customer_id },
    }))
    syncInvoicePaymentCollectionStep({ invoice_id: input.id })
    logPortalEventStep(details.event)
    emitEventStep({ eventName: PortalEvents.INVOICE_VOIDED, data: details.message })
  })

  return new WorkflowResponse(result.invoice)
})
