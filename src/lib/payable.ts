import type { BigNumberInput } from "@medusajs/framework/types"
import { openAmount } from "./money"

export { STRIPE_PROVIDER_ID } from "./stripe-provider-id"

type PayableInvoice = { status: string; total: BigNumberInput; amount_paid: BigNumberInput }

/** What the customer still owes: the open amount of a sent invoice; nothing for any other state. */
export function amountDue(invoice: PayableInvoice) {
  return invoice.status === "sent" ? openAmount(invoice.total, invoice.amount_paid) : openAmount(0, 0)
}

export type NotPayableReason = "settled" | "payments_off" | "not_set_up"

/**
 * The one home of "can this invoice be paid online now": a sent invoice with something left to
 * pay, the owner allowing online payments, and Stripe ready (the provider registered and, for
 * the portal's own pay page, a publishable key). Null when payable.
 */
export function whyNotPayable(
  invoice: PayableInvoice,
  { allow_payments, stripe_ready }: { allow_payments: boolean; stripe_ready: boolean }
): NotPayableReason | null {
  if (amountDue(invoice).numeric <= 0) {
    return "settled"
  }
  if (!allow_payments) {
    return "payments_off"
  }
  return stripe_ready ? null : "not_set_up"
}
