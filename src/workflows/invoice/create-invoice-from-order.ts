import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { OrderForInvoice, orderToInvoiceLines } from "../../lib/order-to-invoice"
import { createDraftInvoiceStep, validateOrderNotInvoicedStep } from "./steps"

export const createInvoiceFromOrderWorkflowId = "create-invoice-from-order"

export type CreateInvoiceFromOrderInput = {
  order_id: string
  due_date?: Date | string | null
  notes?: string | null
}

/** A draft invoice with the lines, prices and tax rates of a Medusa order, linked to it. */
export const createInvoiceFromOrderWorkflow = createWorkflow(
  createInvoiceFromOrderWorkflowId,
  (input: CreateInvoiceFromOrderInput) => {
    const { data: orders } = useQueryGraphStep({
      entity: "order",
      fields: [
        "id",
        "display_id",
        "customer_id",
        "currency_code",
        // `items.*`: an order item's quantity comes from its detail row, merged only this way.
        "items.*",
        "items.tax_lines.rate",
        "items.adjustments.amount",
        "shipping_methods.*",
        "shipping_methods.tax_lines.rate",
        "shipping_methods.adjustments.amount",
      ],
      filters: { id: input.order_id },
      options: { throwIfKeyNotFound: true },
    })
    const order = transform({ orders }, ({ orders }) => orders[0] as unknown as OrderForInvoice)
    validateOrderNotInvoicedStep(order)

    const draft = transform({ order, input }, ({ order, input }) => ({
      customer_id: order.customer_id!,
      currency_code: order.currency_code,
      order_id: order.id,
      due_date: input.due_date ?? null,
      notes: input.notes ?? null,
      lines: orderToInvoiceLines(order),
    }))
    return new WorkflowResponse(createDraftInvoiceStep(draft))
  }
)
