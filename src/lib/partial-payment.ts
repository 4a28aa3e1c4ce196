import { BigNumber, MathBN, MedusaError } from "@medusajs/framework/utils"
import type { BigNumberInput } from "@medusajs/framework/types"
import { currencyDecimals, roundToCurrency } from "./money"
import { amountDue } from "./payable"

type PolicyInvoice = {
  allow_partial_payments?: boolean | null
  partial_payment_minimum?: BigNumberInput | null
}
type PolicySettings = {
  allow_partial_payments?: boolean | null
  partial_payment_minimum?: BigNumberInput | null
}

/** Whether an invoice takes part payments, and from what amount: its own choice, else the settings' default. */
export type PartialPaymentPolicy = { allowed: boolean; minimum: BigNumber | null }

export function partialPaymentPolicy(invoice: PolicyInvoice, settings: PolicySettings): PartialPaymentPolicy {
  const allowed = invoice.allow_partial_payments ?? settings.allow_partial_payments ?? false
  const minimum = invoice.partial_payment_minimum ?? settings.partial_payment_minimum ?? null
  return { allowed: Boolean(allowed), minimum: minimum == null ? null : new BigNumber(MathBN.convert(minimum)) }
}

/**
 * What the customer may pay now: always the whole amount due; and, when part payments are
 * allowed and the minimum is below the amount due, any amount from `minimum` to `maximum`.
 * Amounts in major units, rounded to the currency.
 */
export type PaymentChoices = {
  amount_due: number
  currency_code: string
  /** Null: only the whole amount due can be paid. */
  partial: { minimum: number; maximum: number } | null
}

type ChoiceInvoice = { status: string; total: BigNumberInput; amount_paid: BigNumberInput; currency_code: string }

/** The one rule for "what amounts may this customer pay now". */
export function paymentChoices(invoice: ChoiceInvoice, policy: PartialPaymentPolicy): PaymentChoices {
  const due = amountDue(invoice)
  const smallest = MathBN.div(1, MathBN.convert(10).pow(currencyDecimals(invoice.currency_code)))
  // No minimum: one minor unit (a cent); a minimum is rounded up to what the currency can charge.
  const minimum = policy.minimum
    ? MathBN.max(smallest, MathBN.convert(policy.minimum).decimalPlaces(currencyDecimals(invoice.currency_code), 0))
    : smallest
  const partial = policy.allowed && MathBN.gt(due, 0) && MathBN.lt(minimum, due)
  return {
    amount_due: due.numeric,
    currency_code: invoice.currency_code,
    partial: partial ? { minimum: MathBN.convert(minimum).toNumber(), maximum: due.numeric } : null,
  }
}

/**
 * The amount a customer asked to pay, checked against `paymentChoices`: nothing asked (undefined) is the
 * whole amount due; anything else must be a plain decimal in the currency's precision, at most
 * the amount due, and at least the minimum (unless it is the whole amount due). Throws a
 * MedusaError (INVALID_DATA) telling the customer what they may pay.
 */
export function chosenPaymentAmount(choices: PaymentChoices, requested: unknown): BigNumber {
  const due = MathBN.convert(choices.amount_due)
  // Nothing asked is the whole amount; an empty "other amount" is a mistake to point out, not a choice.
  if (requested === undefined || requested === null) {
    return new BigNumber(due)
  }
  const text = typeof requested === "number" ? (Number.isFinite(requested) ? String(requested) : "") : requested
  const money = (value: BigNumberInput) =>
    `${roundToCurrency(value, choices.currency_code).toFixed(currencyDecimals(choices.currency_code))} ${choices.currency_code.toUpperCase()}`
  const range = choices.partial
    ? `an amount from ${money(choices.partial.minimum)} to ${money(due)}`
    : `the amount due, ${money(due)}`
  if (typeof text !== "string" || !/^\d+(\.\d+)?$/.test(text.trim())) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `amount must be a number: enter ${range}`)
  }
  const amount = MathBN.convert(text.trim())
  if ((amount.decimalPlaces() ?? 0) > currencyDecimals(choices.currency_code)) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `amount has more than ${currencyDecimals(choices.currency_code)} decimal places: enter ${range}`
    )
  }
  if (amount.eq(due)) {
    return new BigNumber(amount)
  }
  if (amount.gt(due)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `amount is more than is due: enter ${range}`)
  }
  if (!choices.partial) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `This invoice cannot be paid in part: pay ${range}`)
  }
  if (amount.lt(choices.partial.minimum)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `amount is below the minimum part payment: enter ${range}`)
  }
  return new BigNumber(amount)
}
