/**
 * What a customer sees of their service history: one entry per Medusa order, paid invoice and
 * accepted estimate. An entry names its record by `kind` and `id`; where it links to is the
 * face's business (the portal pages link their own pages, a storefront links its own).
 */
export type PortalHistoryEntry = {
  kind: "order" | "invoice" | "estimate"
  id: string
  title: string
  date: string
  amount: number | null
  currency_code: string
}

type Order = { id: string; display_id: number | string; created_at: Date | string; total?: unknown; currency_code: string }
type PaidInvoice = { id: string; display_number: string | null; paid_at: Date | string | null; updated_at: Date | string; total: unknown; currency_code: string }
type AcceptedEstimate = { id: string; display_number: string | null; decided_at: Date | string | null; updated_at: Date | string; total: unknown; currency_code: string }

export function serializeHistoryOrder(order: Order): PortalHistoryEntry {
  return {
    kind: "order",
    id: order.id,
    title: `Order #${order.display_id}`,
    date: new Date(order.created_at).toISOString(),
    amount: order.total == null ? null : Number(order.total),
    currency_code: order.currency_code,
  }
}

export function serializeHistoryInvoice(invoice: PaidInvoice): PortalHistoryEntry {
  return {
    kind: "invoice",
    id: invoice.id,
    title: `Invoice ${invoice.display_number} paid`,
    date: new Date(invoice.paid_at ?? invoice.updated_at).toISOString(),
    amount: invoice.total as number,
    currency_code: invoice.currency_code,
  }
}

export function serializeHistoryEstimate(estimate: AcceptedEstimate): PortalHistoryEntry {
  return {
    kind: "estimate",
    id: estimate.id,
    title: `Estimate ${estimate.display_number} accepted`,
    date: new Date(estimate.decided_at ?? estimate.updated_at).toISOString(),
    amount: estimate.total as number,
    currency_code: estimate.currency_code,
  }
}
