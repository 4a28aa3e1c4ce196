/**
 * What a customer sees of their service history: one entry per Medusa order, paid invoice and
 * accepted estimate. An entry names its record by `kind` and `id`; where it links to is the
 * face's business (the portal pages link their own pages, a storefront links its own). The title
 * is in `t`'s language (the reader's; English without one).
 */
import type { Translate } from "../i18n/translate"
import { ENGLISH } from "./customer-words"

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

export function serializeHistoryOrder(order: Order, t: Translate = ENGLISH): PortalHistoryEntry {
  return {
    kind: "order",
    id: order.id,
    title: t("page.history.entry.order", { number: order.display_id }),
    date: new Date(order.created_at).toISOString(),
    amount: order.total == null ? null : Number(order.total),
    currency_code: order.currency_code,
  }
}

export function serializeHistoryInvoice(invoice: PaidInvoice, t: Translate = ENGLISH): PortalHistoryEntry {
  return {
    kind: "invoice",
    id: invoice.id,
    title: t("page.history.entry.invoice_paid", { number: invoice.display_number }),
    date: new Date(invoice.paid_at ?? invoice.updated_at).toISOString(),
    amount: invoice.total as number,
    currency_code: invoice.currency_code,
  }
}

export function serializeHistoryEstimate(estimate: AcceptedEstimate, t: Translate = ENGLISH): PortalHistoryEntry {
  return {
    kind: "estimate",
    id: estimate.id,
    title: t("page.history.entry.estimate_accepted", { number: estimate.display_number }),
    date: new Date(estimate.decided_at ?? estimate.updated_at).toISOString(),
    amount: estimate.total as number,
    currency_code: estimate.currency_code,
  }
}
