import type { InvoicePaymentMethod } from "../modules/portal/constants"

/**
 * `portal.invoice.paid`: the invoice and the payment that settled it, so whoever reacts (the
 * receipt) never has to guess which of the invoice's payments that was.
 */
export type InvoicePaidEventData = {
  /** The invoice. */
  id: string
  customer_id: string
  /** The invoice payment (`invoice_payment.id`) that brought the open amount to zero. */
  payment_id: string
  method: InvoicePaymentMethod
  /** What that payment counted towards the invoice, in major units. */
  amount: number
  /** The Medusa payment behind an online payment; null for an offline one. */
  medusa_payment_id: string | null
}

/** `portal.invoice.payment_recorded`: one payment recorded on an invoice (a part payment or the last one). */
export type InvoicePaymentRecordedEventData = {
  /** The invoice. */
  id: string
  customer_id: string
  /** The invoice payment (`invoice_payment.id`). */
  payment_id: string
  method: InvoicePaymentMethod
  /** This payment brought the open amount to zero (`portal.invoice.paid` follows). */
  settled: boolean
}

/** `portal.invoice.payment_refunded`: the owner refunded (part of) an online payment of an invoice. */
export type InvoicePaymentRefundedEventData = {
  /** The invoice. */
  id: string
  customer_id: string
  /** The invoice payment (`invoice_payment.id`) refunded. */
  payment_id: string
  /** This refund, in major units. */
  amount: number
  /** When it was made (ISO); with the payment id, what makes one refund's email unique. */
  refunded_at: string
}
