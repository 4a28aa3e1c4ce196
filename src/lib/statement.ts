import { BigNumber, MathBN } from "@medusajs/framework/utils"
import type { BigNumberInput } from "@medusajs/framework/types"
import { roundToCurrency } from "./money"

/**
 * The statement of account rule, in one place: from a customer's ledger (their visible invoices,
 * the payments on them, and refunds when there are any) and a period, the opening balance, the
 * period's entries with a running balance, the closing balance and the ageing of what is open at
 * the period's end — one section per currency. Pure: the caller reads the rows, this decides.
 *
 * Dates are calendar days in UTC: the period [from, to] covers from 00:00 on `from` to the end of
 * `to`. An invoice counts on its issue date, a payment or refund on its own date.
 */

const DAY_MS = 24 * 60 * 60 * 1000

/** A calendar day, "2026-03-31". */
export type IsoDay = string

export type StatementPeriod = { from: IsoDay; to: IsoDay }

/** A sent or paid invoice of the customer (drafts and void invoices never reach a statement). */
export type LedgerInvoice = {
  id: string
  number: string | null
  currency_code: string
  issue_date: Date | string
  /** Null: due on receipt, never past due (as on the invoice itself). */
  due_date: Date | string | null
  total: BigNumberInput
}

/** Money received against one of those invoices. */
export type LedgerPayment = {
  id: string
  invoice_id: string
  amount: BigNumberInput
  paid_at: Date | string
  method: string
}

/** Money given back against one of those invoices: it raises what the customer owes again. */
export type LedgerRefund = {
  id: string
  invoice_id: string
  amount: BigNumberInput
  refunded_at: Date | string
}

export type StatementLedger = {
  invoices: LedgerInvoice[]
  payments: LedgerPayment[]
  /** The owner's refunds (portal_invoice_refund), each on its own date. */
  refunds?: LedgerRefund[]
}

export type StatementEntryKind = "invoice" | "payment" | "refund"

/**
 * One line of the statement. An invoice and a refund are debits (the customer owes more), a
 * payment is a credit; exactly one of `debit` / `credit` is set. `balance` is the running balance
 * after this entry.
 */
export type StatementEntry = {
  kind: StatementEntryKind
  /** The invoice, payment or refund id. */
  id: string
  /** The invoice the entry belongs to (the invoice itself for an invoice entry). */
  invoice_id: string
  invoice_number: string | null
  date: Date
  /** Invoice entries only. */
  due_date: Date | null
  /** Payment entries only: how it was paid ("cash", "stripe", …). */
  method: string | null
  debit: BigNumber | null
  credit: BigNumber | null
  balance: BigNumber
}

export const AGEING_BUCKETS = ["current", "days_1_30", "days_31_60", "days_61_90", "days_over_90"] as const
export type AgeingBucket = (typeof AGEING_BUCKETS)[number]

/** What is open at the period's end, by how far past its due date it is. */
export type StatementAgeing = Record<AgeingBucket, BigNumber> & { total: BigNumber }

export type StatementSection = {
  currency_code: string
  opening_balance: BigNumber
  entries: StatementEntry[]
  /** Sum of the period's invoices and refunds. */
  total_debits: BigNumber
  /** Sum of the period's payments. */
  total_credits: BigNumber
  closing_balance: BigNumber
  ageing: StatementAgeing
}

export type Statement = { period: StatementPeriod; sections: StatementSection[] }

/** Midnight UTC at the start of a calendar day. */
export function dayStart(day: IsoDay): Date {
  return new Date(`${day}T00:00:00.000Z`)
}

/** The first instant after the day: the period's exclusive upper bound. */
export function dayEnd(day: IsoDay): Date {
  return new Date(dayStart(day).getTime() + DAY_MS)
}

/** "2026-03-31" of a date, in UTC. */
export function isoDay(date: Date): IsoDay {
  return date.toISOString().slice(0, 10)
}

const dayNumber = (date: Date) => Math.floor(date.getTime() / DAY_MS)

/**
 * Whole calendar days an amount due on `dueDate` is past due on `asOf`: 0 on the due date itself
 * (the due date is the last day to pay), negative before it.
 */
export function daysPastDue(dueDate: Date, asOf: IsoDay): number {
  return dayNumber(dayStart(asOf)) - dayNumber(dueDate)
}

/**
 * The bucket of an open amount at `asOf`: current while not yet due (or with no due date), then
 * 1–30, 31–60, 61–90 and over 90 days past due. A credit (an overpaid invoice) is never past due.
 */
export function ageingBucket(dueDate: Date | null, asOf: IsoDay, open: BigNumberInput): AgeingBucket {
  if (dueDate === null || MathBN.lt(open, 0)) {
    return "current"
  }
  const days = daysPastDue(dueDate, asOf)
  if (days <= 0) return "current"
  if (days <= 30) return "days_1_30"
  if (days <= 60) return "days_31_60"
  if (days <= 90) return "days_61_90"
  return "days_over_90"
}

const toDate = (value: Date | string) => (value instanceof Date ? value : new Date(value))

/**
 * bignumber.js, as MathBN computes with: the arithmetic below stays in it, and only what the
 * statement hands out becomes a Medusa BigNumber (building one costs ~15 µs: a 5 000-invoice
 * ledger spent most of its time there).
 */
type Decimal = ReturnType<typeof MathBN.convert>

/** Same day: invoices before refunds before payments (a debit shown before what settles it), then by id. */
const KIND_ORDER: Record<StatementEntryKind, number> = { invoice: 0, refund: 1, payment: 2 }

type Movement = {
  kind: StatementEntryKind
  id: string
  invoice_id: string
  invoice_number: string | null
  date: Date
  time: number
  due_date: Date | null
  method: string | null
  currency_code: string
  /** Rounded to the currency, positive. */
  amount: Decimal
  /** What it does to the balance: + a debit, − a credit. */
  delta: Decimal
}

/**
 * The statement for `period` from the customer's ledger. Rows dated after the period are ignored,
 * as are payments and refunds of invoices not in the ledger (void, draft, another customer's).
 * Per invoice, open = total − payments + refunds up to the period's end; the ageing buckets sum
 * to the closing balance.
 */
export function computeStatement(ledger: StatementLedger, period: StatementPeriod): Statement {
  const from = dayStart(period.from).getTime()
  const end = dayEnd(period.to).getTime()
  const invoices = new Map<string, LedgerInvoice & { issued: Date; due: Date | null }>()
  for (const invoice of ledger.invoices) {
    const issued = toDate(invoice.issue_date)
    if (issued.getTime() < end) {
      invoices.set(invoice.id, { ...invoice, issued, due: invoice.due_date == null ? null : toDate(invoice.due_date) })
    }
  }

  const movements: Movement[] = []
  for (const invoice of invoices.values()) {
    const amount = roundToCurrency(invoice.total, invoice.currency_code)
    movements.push({
      kind: "invoice", id: invoice.id, invoice_id: invoice.id, invoice_number: invoice.number, date: invoice.issued,
      time: invoice.issued.getTime(), due_date: invoice.due, method: null, currency_code: invoice.currency_code, amount, delta: amount,
    })
  }
  const addChild = (kind: "payment" | "refund", id: string, invoiceId: string, amountIn: BigNumberInput, at: Date | string, method: string | null) => {
    const invoice = invoices.get(invoiceId)
    const date = toDate(at)
    if (!invoice || date.getTime() >= end) {
      return
    }
    const amount = roundToCurrency(amountIn, invoice.currency_code)
    movements.push({
      kind, id, invoice_id: invoiceId, invoice_number: invoice.number, date, time: date.getTime(), due_date: null, method,
      currency_code: invoice.currency_code, amount, delta: kind === "payment" ? amount.negated() : amount,
    })
  }
  for (const p of ledger.payments) addChild("payment", p.id, p.invoice_id, p.amount, p.paid_at, p.method)
  for (const r of ledger.refunds ?? []) addChild("refund", r.id, r.invoice_id, r.amount, r.refunded_at, null)

  movements.sort((a, b) => a.time - b.time || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))

  const currencies = [...new Set(movements.map((m) => m.currency_code))].sort()
  const sections = currencies.map((currency) => {
    const mine = movements.filter((m) => m.currency_code === currency)
    let opening: Decimal = MathBN.convert(0)
    let debits: Decimal = MathBN.convert(0)
    let credits: Decimal = MathBN.convert(0)
    const entries: StatementEntry[] = []
    // Open per invoice at the period's end, for the ageing.
    const open = new Map<string, Decimal>()
    for (const m of mine) {
      open.set(m.invoice_id, (open.get(m.invoice_id) ?? MathBN.convert(0)).plus(m.delta))
      if (m.time < from) {
        opening = opening.plus(m.delta)
        continue
      }
      if (m.kind === "payment") credits = credits.plus(m.amount)
      else debits = debits.plus(m.amount)
      entries.push({
        kind: m.kind,
        id: m.id,
        invoice_id: m.invoice_id,
        invoice_number: m.invoice_number,
        date: m.date,
        due_date: m.due_date,
        method: m.method,
        debit: m.kind === "payment" ? null : new BigNumber(m.amount),
        credit: m.kind === "payment" ? new BigNumber(m.amount) : null,
        balance: new BigNumber(opening.plus(debits).minus(credits)),
      })
    }
    const closing = opening.plus(debits).minus(credits)

    const buckets = Object.fromEntries(AGEING_BUCKETS.map((b) => [b, MathBN.convert(0)])) as Record<AgeingBucket, Decimal>
    for (const [invoiceId, amount] of open) {
      if (amount.isZero()) continue
      const bucket = ageingBucket(invoices.get(invoiceId)!.due, period.to, amount)
      buckets[bucket] = buckets[bucket].plus(amount)
    }
    const ageing = Object.fromEntries(AGEING_BUCKETS.map((b) => [b, new BigNumber(buckets[b])])) as StatementAgeing
    ageing.total = new BigNumber(AGEING_BUCKETS.reduce((sum, b) => sum.plus(buckets[b]), MathBN.convert(0)))

    return {
      currency_code: currency,
      opening_balance: new BigNumber(opening),
      entries,
      total_debits: new BigNumber(debits),
      total_credits: new BigNumber(credits),
      closing_balance: new BigNumber(closing),
      ageing,
    }
  })
  // A currency with nothing in the period and nothing carried forward has nothing to say.
  return { period, sections: sections.filter((s) => s.entries.length || !MathBN.eq(s.opening_balance, 0)) }
}

/** The longest period a statement covers: its queries and its PDF stay bounded. */
export const STATEMENT_MAX_YEARS = 5
/** The period when the customer names none: the last 90 days, today included. */
export const STATEMENT_DEFAULT_DAYS = 90

export function defaultStatementPeriod(today: Date = new Date()): StatementPeriod {
  const to = isoDay(today)
  return { from: isoDay(new Date(dayStart(to).getTime() - (STATEMENT_DEFAULT_DAYS - 1) * DAY_MS)), to }
}

/** `day` minus whole years, in UTC (29 February falls back to 1 March). */
function yearsBefore(day: IsoDay, years: number): IsoDay {
  const date = dayStart(day)
  date.setUTCFullYear(date.getUTCFullYear() - years)
  return isoDay(date)
}

/**
 * Why a period cannot be a statement, as a sentence telling what to do; null when it can. `to`
 * may be at most one day ahead of `today` (a customer east of UTC is already there).
 */
export function whyNotStatementPeriod(period: StatementPeriod, today: Date = new Date()): string | null {
  if (period.from > period.to) {
    return `from (${period.from}) must be on or before to (${period.to}); swap the two dates`
  }
  const latest = isoDay(new Date(dayStart(isoDay(today)).getTime() + DAY_MS))
  if (period.to > latest) {
    return `to (${period.to}) is in the future; choose a date up to today`
  }
  if (period.from < yearsBefore(period.to, STATEMENT_MAX_YEARS)) {
    return `A statement covers at most ${STATEMENT_MAX_YEARS} years; choose a from date on or after ${yearsBefore(period.to, STATEMENT_MAX_YEARS)}`
  }
  return null
}
