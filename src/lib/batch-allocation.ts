import { BigNumber, MathBN } from "@medusajs/framework/utils"
import type { BigNumberInput } from "@medusajs/framework/types"
import { currencyDecimals, roundToCurrency } from "./money"

/** bignumber.js rounding mode: towards zero, so money never received is never allocated. */
const ROUND_DOWN = 1

export type AllocatableInvoice = {
  id: string
  /** No due date: due on receipt, i.e. on its issue date. */
  due_date?: Date | string | null
  issue_date: Date | string
  display_number?: string | null
  /** What the invoice still asks for now (major units). */
  amount_due: BigNumberInput
}

export type BatchAllocation = {
  allocations: { invoice_id: string; amount: BigNumber }[]
  /** What no invoice of the set could take: to go back to the customer. */
  unallocated: BigNumber
}

const time = (value: Date | string) => new Date(value).getTime()

/**
 * The order in which one payment for several invoices settles them: the oldest debt first —
 * due date, then issue date, then number (numerically: INV-9 before INV-10), then id so the
 * order never depends on how the rows were read.
 */
export function oldestFirst<T extends Omit<AllocatableInvoice, "amount_due">>(invoices: readonly T[]): T[] {
  const due = (i: T) => time(i.due_date ?? i.issue_date)
  return [...invoices].sort(
    (a, b) =>
      due(a) - due(b) ||
      time(a.issue_date) - time(b.issue_date) ||
      (a.display_number ?? "").localeCompare(b.display_number ?? "", "en", { numeric: true }) ||
      a.id.localeCompare(b.id)
  )
}

/**
 * The one home of "how a payment for several invoices is shared out": oldest first (see
 * `oldestFirst`), each invoice taking at most what it still asks for, in the currency's minor
 * units. An amount that covers only part of the set leaves the later invoices partly paid or
 * unpaid; an amount above the sum (an invoice paid elsewhere or voided in between) leaves
 * `unallocated`, which is refunded — never recorded on an invoice.
 */
export function allocateOldestFirst(
  invoices: readonly AllocatableInvoice[],
  amount: BigNumberInput,
  currencyCode: string
): BatchAllocation {
  const decimals = currencyDecimals(currencyCode)
  let left = MathBN.max(0, MathBN.convert(amount).decimalPlaces(decimals, ROUND_DOWN))
  const allocations: BatchAllocation["allocations"] = []
  for (const invoice of oldestFirst(invoices)) {
    const due = MathBN.max(0, roundToCurrency(invoice.amount_due, currencyCode))
    const take = MathBN.min(left, due)
    if (MathBN.gt(take, 0)) {
      allocations.push({ invoice_id: invoice.id, amount: new BigNumber(take) })
      left = MathBN.sub(left, take)
    }
  }
  return { allocations, unallocated: new BigNumber(left) }
}

/** What one payment for the set asks for: the sum of what each invoice still asks for. */
export function batchAmountDue(invoices: readonly Pick<AllocatableInvoice, "amount_due">[], currencyCode: string) {
  return new BigNumber(roundToCurrency(MathBN.sum(0, ...invoices.map((i) => MathBN.max(0, i.amount_due))), currencyCode))
}
