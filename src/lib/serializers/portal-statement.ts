import type { Translate } from "../i18n/translate"
import { ENGLISH, methodLabel } from "./customer-words"
import type { Statement, StatementEntry } from "../statement"
import { AGEING_BUCKETS } from "../statement"

function serializeEntry(entry: StatementEntry, t: Translate) {
  const number = entry.invoice_number ?? entry.invoice_id
  const what = t(`page.statement.kind.${entry.kind}`, { number })
  const description = entry.kind === "payment" && entry.method ? `${what} (${methodLabel(entry.method, t)})` : what
  return {
    kind: entry.kind,
    kind_label: t(`page.statement.kind_label.${entry.kind}`),
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
 * amounts), dates, and the wording every face prints alike, in `t`'s language (the reader's;
 * English without one).
 */
export function serializePortalStatement(statement: Statement, t: Translate = ENGLISH) {
  return {
    period: statement.period,
    sections: statement.sections.map((section) => ({
      currency_code: section.currency_code,
      opening_balance: section.opening_balance.numeric,
      entries: section.entries.map((entry) => serializeEntry(entry, t)),
      total_debits: section.total_debits.numeric,
      total_credits: section.total_credits.numeric,
      closing_balance: section.closing_balance.numeric,
      ageing: {
        buckets: AGEING_BUCKETS.map((bucket) => ({ bucket, label: t(`page.statement.bucket.${bucket}`), amount: section.ageing[bucket].numeric })),
        total: section.ageing.total.numeric,
      },
    })),
  }
}

export type StorePortalStatement = ReturnType<typeof serializePortalStatement>
