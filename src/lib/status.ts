import type { BigNumberInput } from "@medusajs/framework/types"
import { MathBN } from "@medusajs/framework/utils"
import { EstimateStatus, InvoiceStatus } from "../modules/portal/constants"

/**
 * What an invoice is, as the customer reads it. Overdue and partially paid are derived at read
 * time, never stored.
 */
export type InvoiceDisplayStatus = "draft" | "unpaid" | "partially_paid" | "overdue" | "paid" | "void"
/** What an estimate is, as the customer reads it. */
export type EstimateDisplayStatus = "draft" | "pending" | "accepted" | "rejected"

export const INVOICE_STATUS_LABELS: Record<InvoiceDisplayStatus, string> = {
  draft: "Draft",
  unpaid: "Unpaid",
  partially_paid: "Partially paid",
  overdue: "Overdue",
  paid: "Paid",
  void: "Void",
}

export const ESTIMATE_STATUS_LABELS: Record<EstimateDisplayStatus, string> = {
  draft: "Draft",
  pending: "Pending",
  accepted: "Accepted",
  rejected: "Rejected",
}

type DateLike = Date | string | null | undefined

function toTime(date: DateLike) {
  return date == null ? null : new Date(date).getTime()
}

/**
 * The one definition of "overdue": a sent invoice whose due date is before `now`. A sent invoice
 * due later, or with no due date, is unpaid. The predicate, the query filter and the SQL below
 * all read this rule, so the list filter and the summary's count cannot disagree.
 */
function overdueRule(now: Date) {
  return { status: InvoiceStatus.SENT, dueBefore: now }
}

/** The rule as a predicate over one invoice. */
export function isInvoiceOverdue(invoice: { status: InvoiceStatus | string; due_date?: DateLike }, now: Date = new Date()) {
  const rule = overdueRule(now)
  const due = toTime(invoice.due_date)
  return invoice.status === rule.status && due !== null && due < rule.dueBefore.getTime()
}

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * Whole days an overdue invoice is past its due date, at least 1 (an invoice overdue since this
 * morning reads "1 day overdue", never "0 days"); null when it is not overdue.
 */
export function daysOverdue(invoice: { status: InvoiceStatus | string; due_date?: DateLike }, now: Date = new Date()) {
  if (!isInvoiceOverdue(invoice, now)) {
    return null
  }
  return Math.max(1, Math.floor((now.getTime() - toTime(invoice.due_date)!) / DAY_MS))
}

/**
 * A sent invoice reads Overdue past its due date (the more urgent news, even when part of it is
 * paid), else Partially paid when some but not all of it is paid, else Unpaid. The "unpaid" list
 * filter below keeps every sent invoice not overdue, partially paid ones included.
 */
/** Some, but not all, of the invoice is paid. */
export function isPartiallyPaid(invoice: { total?: BigNumberInput; amount_paid?: BigNumberInput }) {
  const paid = invoice.amount_paid ?? 0
  return MathBN.gt(paid, 0) && MathBN.lt(paid, invoice.total ?? 0)
}

export function deriveInvoiceStatus(
  invoice: { status: InvoiceStatus | string; due_date?: DateLike; total?: BigNumberInput; amount_paid?: BigNumberInput },
  now: Date = new Date()
): InvoiceDisplayStatus {
  switch (invoice.status) {
    case InvoiceStatus.DRAFT:
      return "draft"
    case InvoiceStatus.PAID:
      return "paid"
    case InvoiceStatus.VOID:
      return "void"
    case InvoiceStatus.SENT:
      if (isInvoiceOverdue(invoice, now)) {
        return "overdue"
      }
      return isPartiallyPaid(invoice) ? "partially_paid" : "unpaid"
    default:
      throw new Error(`Unknown invoice status "${invoice.status}"`)
  }
}

/**
 * The same derivation as a query filter (for listing by what the customer reads): overdue is a
 * sent invoice due before `now`, unpaid a sent one due later or never; other statuses are stored.
 */
export function invoiceDisplayStatusFilter(status: InvoiceDisplayStatus, now: Date = new Date()) {
  const rule = overdueRule(now)
  switch (status) {
    case "overdue":
      return { status: rule.status, due_date: { $lt: rule.dueBefore } }
    case "unpaid":
      return { status: rule.status, $or: [{ due_date: null }, { due_date: { $gte: rule.dueBefore } }] }
    case "partially_paid":
      return {
        status: rule.status,
        amount_paid: { $gt: 0 },
        $or: [{ due_date: null }, { due_date: { $gte: rule.dueBefore } }],
      }
    default:
      return { status }
  }
}

/**
 * The rule as a SQL condition over a `portal_invoice` row, for aggregates (the customer summary).
 * Its values are bound in this order by `invoiceOverdueSql(now).bindings`.
 */
export const INVOICE_OVERDUE_SQL = "status = ? AND due_date < ?"

export function invoiceOverdueSql(now: Date = new Date()) {
  const rule = overdueRule(now)
  return { sql: INVOICE_OVERDUE_SQL, bindings: [rule.status, rule.dueBefore] as [string, Date] }
}

/**
 * `invoiceDisplayStatusFilter` as plain values, for a SQL list that binds them: the stored
 * statuses, and the due-date bounds — `due_before` (due_date < it) for overdue, `due_not_before`
 * (no due date, or due_date >= it) for unpaid. The same rule, so the two cannot disagree.
 */
export function invoiceDisplayStatusRange(
  status: InvoiceDisplayStatus,
  now: Date = new Date()
): { statuses: string[]; due_before: Date | null; due_not_before: Date | null } {
  const rule = overdueRule(now)
  switch (status) {
    case "overdue":
      return { statuses: [rule.status], due_before: rule.dueBefore, due_not_before: null }
    case "unpaid":
      return { statuses: [rule.status], due_before: null, due_not_before: rule.dueBefore }
    case "partially_paid":
      // The portal's SQL list filters by stored status and due date only; it offers no such filter.
      throw new Error("partially_paid is not a portal list filter; use unpaid")
    default:
      return { statuses: [status], due_before: null, due_not_before: null }
  }
}

export function deriveEstimateStatus(estimate: { status: EstimateStatus | string }): EstimateDisplayStatus {
  switch (estimate.status) {
    case EstimateStatus.DRAFT:
      return "draft"
    case EstimateStatus.SENT:
      return "pending"
    case EstimateStatus.ACCEPTED:
      return "accepted"
    case EstimateStatus.REJECTED:
      return "rejected"
    default:
      throw new Error(`Unknown estimate status "${estimate.status}"`)
  }
}

/** A pending estimate whose `valid_until` has passed can no longer be accepted. */
export function isEstimateExpired(estimate: { valid_until?: DateLike }, now: Date = new Date()) {
  const until = toTime(estimate.valid_until)
  return until !== null && until < now.getTime()
}
