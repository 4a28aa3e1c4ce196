import { openAmount } from "../money"
import { partialPaymentPolicy, PaymentChoices, paymentChoices } from "../partial-payment"
import type { Translate } from "../i18n/translate"
import { daysOverdue, deriveInvoiceStatus } from "../status"
import { ENGLISH, methodLabel } from "./customer-words"

type Line = {
  id: string
  rank: number
  title: string
  description: string | null
  quantity: unknown
  unit_price: unknown
  tax_rate: unknown
  subtotal: unknown
  tax_total: unknown
  total: unknown
}
type Payment = {
  id: string
  amount: unknown
  method: string
  paid_at: Date | string
  refunded_amount?: unknown
  refunded_at?: Date | string | null
}
type Invoice = {
  id: string
  display_number: string | null
  status: string
  currency_code: string
  issue_date: Date | string
  due_date: Date | string | null
  subtotal: unknown
  tax_total: unknown
  total: unknown
  amount_paid: unknown
  notes: string | null
  paid_at: Date | string | null
  allow_partial_payments?: boolean | null
  partial_payment_minimum?: unknown
  lines?: Line[]
  payments?: Payment[]
}

/**
 * The one place that decides what a customer sees of an invoice. Fields are listed, never
 * spread: a new column (like `internal_note`) stays hidden until someone adds it here. Labels are
 * in `t`'s language (the reader's; English without one).
 */
export function serializePortalInvoice(invoice: Invoice, now = new Date(), t: Translate = ENGLISH) {
  const status = deriveInvoiceStatus(invoice as Invoice & { total: number; amount_paid: number }, now)
  return {
    id: invoice.id,
    number: invoice.display_number,
    status,
    status_label: t(`status.invoice.${status}`),
    currency_code: invoice.currency_code,
    issue_date: invoice.issue_date,
    due_date: invoice.due_date,
    /** Whole days past the due date while overdue ("3 days overdue"), else null. */
    days_overdue: daysOverdue(invoice, now),
    subtotal: invoice.subtotal as number,
    tax_total: invoice.tax_total as number,
    total: invoice.total as number,
    amount_paid: invoice.amount_paid as number,
    open_amount: status === "paid" ? 0 : openAmount(invoice.total as number, invoice.amount_paid as number).numeric,
    paid_at: invoice.paid_at,
    notes: invoice.notes,
  }
}

/** The settings the customer's payment choices default to. */
type PaymentSettings = { allow_partial_payments?: boolean | null; partial_payment_minimum?: unknown }

/**
 * With `settings`, the detail carries `payment_choices`: what the customer may pay now (the
 * whole amount due, or a part from a minimum), as `paymentChoices` decides; null without.
 */
export function serializePortalInvoiceDetail(invoice: Invoice, now = new Date(), settings?: PaymentSettings, t: Translate = ENGLISH) {
  return {
    ...serializePortalInvoice(invoice, now, t),
    payment_choices: settings
      ? paymentChoices(
          invoice as Invoice & { total: number; amount_paid: number },
          partialPaymentPolicy(invoice as never, settings as never)
        )
      : (null as PaymentChoices | null),
    lines: [...(invoice.lines ?? [])].sort((a, b) => a.rank - b.rank).map(serializeLine),
    payments: [...(invoice.payments ?? [])]
      .sort((a, b) => new Date(a.paid_at).getTime() - new Date(b.paid_at).getTime())
      .map((p) => ({
        id: p.id,
        amount: p.amount as number,
        method: p.method,
        method_label: methodLabel(p.method, t),
        paid_at: p.paid_at,
        /** What the owner refunded of it (0 when nothing). */
        refunded_amount: Number(p.refunded_amount ?? 0),
        refunded_at: p.refunded_at ?? null,
      })),
  }
}

export function serializeLine(line: Line) {
  return {
    id: line.id,
    title: line.title,
    description: line.description,
    quantity: line.quantity as number,
    unit_price: line.unit_price as number,
    tax_rate: line.tax_rate as number | null,
    subtotal: line.subtotal as number,
    tax_total: line.tax_total as number,
    total: line.total as number,
  }
}

export type StoreInvoice = ReturnType<typeof serializePortalInvoice>
export type StoreInvoiceDetail = ReturnType<typeof serializePortalInvoiceDetail>
