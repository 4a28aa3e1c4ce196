import type { ModuleEstimate, ModuleInvoice } from "../../../types/module"

/** What a transition changes on an invoice: captured before it, put back by its compensation. */
export type InvoiceState = {
  id: string
  status: string
  display_number: string | null
  sent_at: Date | null
  paid_at: Date | null
  voided_at: Date | null
  amount_paid: unknown
}

export type EstimateState = {
  id: string
  status: string
  display_number: string | null
  sent_at: Date | null
  decided_at: Date | null
  decision_note: string | null
}

export function pickInvoiceState(invoice: ModuleInvoice): InvoiceState {
  const { id, status, display_number, sent_at, paid_at, voided_at, amount_paid } = invoice
  return { id, status, display_number, sent_at, paid_at, voided_at, amount_paid }
}

export function pickEstimateState(estimate: ModuleEstimate): EstimateState {
  const { id, status, display_number, sent_at, decided_at, decision_note } = estimate
  return { id, status, display_number, sent_at, decided_at, decision_note }
}
