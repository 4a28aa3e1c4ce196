import type { InvoicePaymentMethod } from "../modules/portal/constants"

/**
 * How a payment method reads, everywhere: the admin (record-payment drawer, invoice page,
 * activity) and what the customer sees (portal pages, receipt emails, PDFs). No value imports, so
 * the admin bundle can share it with the server.
 */
export const PAYMENT_METHOD_LABELS: Record<InvoicePaymentMethod, string> = {
  stripe: "Card (online)",
  bank_transfer: "Bank transfer",
  cash: "Cash",
  check: "Check",
  card: "Card (in person)",
  other: "Other",
}

/** Methods an owner records by hand; online (Stripe) payments are recorded by the payment workflow. */
export const OFFLINE_PAYMENT_METHODS = ["bank_transfer", "cash", "check", "card", "other"] as const satisfies readonly Exclude<
  InvoicePaymentMethod,
  "stripe"
>[]

/** The label of a stored method; an unknown one reads "Other" rather than its code. */
export function paymentMethodLabel(method: string): string {
  return PAYMENT_METHOD_LABELS[method as InvoicePaymentMethod] ?? PAYMENT_METHOD_LABELS.other
}
