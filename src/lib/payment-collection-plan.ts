import { MathBN } from "@medusajs/framework/utils"
import type { BigNumberInput } from "@medusajs/framework/types"
import { amountDue } from "./payable"

/** Session states that can still be completed by the customer (nothing authorized yet). */
const OPEN_SESSION_STATUSES = ["pending", "requires_more", "error"]

export type PlanInvoice = { status: string; total: BigNumberInput; amount_paid: BigNumberInput }
export type PlanCollection = {
  amount: BigNumberInput
  status: string
  payment_sessions: { id: string; amount: BigNumberInput; status: string }[]
}
export type PaymentCollectionPlan = {
  /** Sessions whose PaymentIntent must be canceled: they could charge more than is due. */
  cancel_session_ids: string[]
  /** The collection's new amount, or "cancel" when nothing is due any more; null: unchanged. */
  collection: { amount: number } | "cancel" | null
}

/**
 * The money rule "no capture may exceed the amount due", in one place: after any change of an
 * invoice's open amount (offline payment, void, paid in full), every open session for another
 * amount is canceled and the collection is resized to what is still due (canceled when nothing
 * is). Sessions are canceled rather than resized: the customer's page shows the old amount, so
 * they start again from Pay Now and see the new one. A completed or canceled collection keeps its
 * state; only its leftover open sessions go.
 */
export function planInvoicePaymentCollection(invoice: PlanInvoice, collection: PlanCollection): PaymentCollectionPlan {
  const due = amountDue(invoice)
  const cancel_session_ids = collection.payment_sessions
    .filter((s) => OPEN_SESSION_STATUSES.includes(s.status) && !MathBN.eq(s.amount, due))
    .map((s) => s.id)
  if (["completed", "canceled"].includes(collection.status)) {
    return { cancel_session_ids, collection: null }
  }
  if (!MathBN.gt(due, 0)) {
    return { cancel_session_ids, collection: "cancel" }
  }
  return { cancel_session_ids, collection: MathBN.eq(collection.amount, due) ? null : { amount: due.numeric } }
}
