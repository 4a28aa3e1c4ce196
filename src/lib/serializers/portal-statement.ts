import { paymentMethodLabel } from "../payment-methods"
import type { AgeingBucket, Statement, StatementEntry, StatementEntryKind } from "../statement"
import { AGEING_BUCKETS } from "../statement"

export const STATEMENT_ENTRY_LABELS: Record<StatementEntryKind, string> = {
  invoice: "Invoice",
  payment: "Payment",
  refund: "Refund",
}

export const AGEING_LABELS: Record<AgeingBucket, string> = {
  current: "Current",
  days_1_30: "1–30 days",
  days_31_60: "31–60 days",
  days_61_90: "61–90 days",
  days_over_90: "Over 90 days",
}

function serializeEntry(entry: StatementEntry) {
  const number = entry.invoice_number ?? entry.invoice_id
  const description =
    entry.kind === "invoice"
      ? `Invoice ${number}`
      : entry.kind === "payment"
        ? `Payment for ${number}${entry.method ? ` (${paymentMethodLabel(entry.method)})` : ""}`
        : `Refund for ${number}`
  return {
    kind: entry.kind,
    kind_label: STATEMENT_ENTRY_LABELS[entry.kind],
    /** The invoice, payment or refund id. */
    id: entry.id,
    /** Where the entry's invoice is (its page, its JSON). */
    invoice_id: entry.invoice_id,
    invoice_number: entry.invoice_number,
    /** A payment's method code (`card`, `bank_transfer` …); null for other entries. */
    method: entry.kind === "payment" ? (entry.method ?? null) : null,
    description,
    date: entry.date,
    due_date: entry.due_date,
    debit: entry.debit?.numeric ?? null,
    credit: entry.credit?.numeric ?? null,
    balance: entry.balance.numeric,
  }
}

/**
 * The one place that decides what a customer sees of their statement: the figures of
 * lib/statement.ts as plain numbers in major units (exact: each is a sum of currency-rounded
 * amounts), dates, and the wording every face prints alike.
 */
export function serializePortalStatement(statement: Statement) {
  return {
    period: statement.period,
    sections: statement.sections.map((section) => ({
      currency_code: section.currency_code,
      opening_balance: section.opening_balance.numeric,
      entries: section.entries.map(serializeEntry),
      total_debits: section.total_debits.numeric,
      total_credits: section.total_credits.numeric,
      closing_balance: section.closing_balance.numeric,
      ageing: {
        buckets: AGEING_BUCKETS.map((bucket) => ({ bucket, label: AGEING_LABELS[bucket], amount: section.ageing[bucket].numeric })),
        total: section.ageing.total.numeric,
      },
    })),
  }
}

export type StorePortalStatement = ReturnType<typeof serializePortalStatement>
