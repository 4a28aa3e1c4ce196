import { MathBN } from "@medusajs/framework/utils"
import type { ModuleDocumentLineInput } from "../types/module"

type TaxLine = { rate?: number | null }
type Adjustment = { amount?: number | null }

export type OrderForInvoice = {
  id: string
  display_id?: number | null
  customer_id?: string | null
  currency_code: string
  items?: {
    title: string
    product_title?: string | null
    variant_title?: string | null
    quantity: number
    unit_price: number
    is_tax_inclusive?: boolean | null
    tax_lines?: TaxLine[] | null
    adjustments?: Adjustment[] | null
  }[]
  shipping_methods?: {
    name: string
    amount: number
    is_tax_inclusive?: boolean | null
    tax_lines?: TaxLine[] | null
    adjustments?: Adjustment[] | null
  }[]
}

const sumRates = (lines?: TaxLine[] | null) => MathBN.sum(0, ...(lines ?? []).map((t) => t.rate ?? 0)).toNumber()
const sumAdjustments = (adjustments?: Adjustment[] | null) =>
  MathBN.sum(0, ...(adjustments ?? []).map((a) => a.amount ?? 0))

/**
 * Invoice lines for a Medusa order: one per item and per shipping method, exact to the cent.
 * A discounted item becomes one line with its discounted amount (invoice lines are never
 * negative); a tax-inclusive price is kept as it is, with its tax left inside it.
 */
export function orderToInvoiceLines(order: OrderForInvoice): ModuleDocumentLineInput[] {
  const line = (
    title: string,
    quantity: number,
    unitPrice: number,
    source: { is_tax_inclusive?: boolean | null; tax_lines?: TaxLine[] | null; adjustments?: Adjustment[] | null },
    detail: string | null
  ): ModuleDocumentLineInput => {
    const discount = sumAdjustments(source.adjustments)
    const taxRate = source.is_tax_inclusive ? null : sumRates(source.tax_lines) || null
    const notes = [detail, source.is_tax_inclusive ? "price includes tax" : null]
    if (discount.gt(0)) {
      const net = MathBN.max(0, MathBN.sub(MathBN.mult(unitPrice, quantity), discount))
      notes.push(`${quantity} × ${unitPrice} less ${discount.toString()} discount`)
      return { title, description: notes.filter(Boolean).join(" · "), quantity: 1, unit_price: net.toNumber(), tax_rate: taxRate }
    }
    return { title, description: notes.filter(Boolean).join(" · ") || null, quantity, unit_price: unitPrice, tax_rate: taxRate }
  }

  return [
    ...(order.items ?? []).map((item) =>
      line(item.product_title || item.title, item.quantity, item.unit_price, item, item.variant_title ?? null)
    ),
    ...(order.shipping_methods ?? []).map((method) =>
      line(`Shipping: ${method.name}`, 1, method.amount, method, null)
    ),
  ]
}
