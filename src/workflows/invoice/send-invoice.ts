import { emitEventStep, useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { PortalEventActor, PortalEvents, PortalEventType } from "../../modules/portal/constants"
import { logPortalEventStep, validateCustomerStep } from "../steps"
import { ensureInvoicePaymentCollectionStep } from "../payments/steps"
import { sendInvoiceStep } from "./steps"

export const sendInvoiceWorkflowId = "send-invoice"

/**
 * Sends an invoice: draft → sent with the next display number, or a resend of a sent one.
 * Emits `portal.invoice.sent`, which the access feature uses to email the customer.
 */
export const sendInvoiceWorkflow = createWorkflow(sendInvoiceWorkflowId, (input: { id: string }) => {
  const { data: invoices } = useQueryGraphStep({
    entity: "portal_invoice",
    fields: ["id", "customer_id"],
    filters: { id: input.id },
    options: { throwIfKeyNotFound: true },
  })
  const customerId = transform({ invoices }, ({ invoices }) => invoices[0].customer_id as string)
  validateCustomerStep({ customer_id: customerId, require_email: true })

  const result = sendInvoiceStep(input.id)
  // What Pay Now will charge: a Medusa payment collection for the open amount, linked to the invoice.
  ensureInvoicePaymentCollectionStep({ invoice_id: input.id, optional: true })

  const details = transform({ result }, ({ result }) => ({
    event: {
      type: PortalEventType.INVOICE_SENT,
      customer_id: result.invoice.customer_id,
      actor: PortalEventActor.OWNER,
      subject_type: "invoice" as const,
      subject_id: result.invoice.id,
      data: { display_number: result.invoice.display_number, resent: result.resent },
    },
    message: {
      id: result.invoice.id,
      customer_id: result.invoice.customer_id,
      resent: result.resent,
      email_due_id: result.email_due_id,
    },
  }))
  logPortalEventStep(details.event)
  emitEventStep({ eventName: PortalEvents.INVOICE_SENT, data: details.message })

  return new WorkflowResponse(result.invoice)
})
