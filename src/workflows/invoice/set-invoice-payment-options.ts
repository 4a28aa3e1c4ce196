import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { InvoicePaymentOptions } from "../../modules/portal/actions/invoices"
import { syncInvoicePaymentCollectionStep } from "../payments/steps"
import { setInvoicePaymentOptionsStep } from "./steps"

export const setInvoicePaymentOptionsWorkflowId = "set-invoice-payment-options"

/**
 * The owner allows (or stops) part payments of an invoice, with a minimum. Open part-payment
 * sessions are canceled, so a customer's page cannot pay a part the invoice no longer takes; the
 * customer chooses again from the invoice page.
 */
export const setInvoicePaymentOptionsWorkflow = createWorkflow(
  setInvoicePaymentOptionsWorkflowId,
  (input: InvoicePaymentOptions & { id: string }) => {
    const invoice = setInvoicePaymentOptionsStep(input)
    syncInvoicePaymentCollectionStep({ invoice_id: input.id })
    return new WorkflowResponse(invoice)
  }
)
