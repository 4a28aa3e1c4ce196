import { BigNumber, MathBN, MedusaError } from "@medusajs/framework/utils"
import type { BigNumberInput } from "@medusajs/framework/types"
import { currencyDecimals, openAmount, parseAmount, roundToCurrency } from "./money"

export type DepositSetting = { deposit_type?: string | null; deposit_value?: BigNumberInput | null }
type DepositEstimate = DepositSetting & { total: BigNumberInput; currency_code: string }

/**
 * The one rule for "how much deposit does this estimate ask for" (issue #15): a percentage of
 * the total or a fixed amount, rounded to the currency (half up, as on paper), and never above
 * the estimate's total. No deposit set: zero.
 */
export function depositAmount(estimate: DepositEstimate): BigNumber {
  if (!estimate.deposit_type || estimate.deposit_value == null) {
    return new BigNumber(0)
  }
  const asked =
    estimate.deposit_type === "percent"
      ? MathBN.div(MathBN.mult(estimate.total, estimate.deposit_value), 100)
      : MathBN.convert(estimate.deposit_value)
  const rounded = roundToCurrency(MathBN.max(0, MathBN.min(asked, estimate.total)), estimate.currency_code)
  return new BigNumber(rounded)
}

type DueEstimate = DepositEstimate & { status: string; invoice_id?: string | null; deposit_paid?: BigNumberInput | null }

/**
 * What the customer is asked to pay as a deposit now: the deposit less what was paid of it, on an
 * accepted estimate not yet converted (after conversion the invoice asks for the money). Zero
 * otherwise.
 */
export function depositDue(estimate: DueEstimate): BigNumber {
  if (estimate.status !== "accepted" || estimate.invoice_id) {
    return new BigNumber(0)
  }
  return openAmount(depositAmount(estimate), estimate.deposit_paid ?? 0)
}

/**
 * The owner's deposit input checked: `type` null clears it; a percentage is more than 0 and at
 * most 100 with up to 2 decimals; an amount is more than 0 in the currency's precision and at
 * most the estimate's total. Throws a MedusaError (INVALID_DATA) saying what to enter.
 */
export function parseDepositSetting(
  input: { type: string | null; value?: unknown },
  estimate: { total: BigNumberInput; currency_code: string }
): { deposit_type: "percent" | "amount" | null; deposit_value: string | null } {
  if (input.type === null) {
    return { deposit_type: null, deposit_value: null }
  }
  if (input.type === "percent") {
    const value = parseAmount(input.value, "value", { exclusiveMin: true, max: 100, maxDecimals: 2 })
    return { deposit_type: "percent", deposit_value: value.toString() }
  }
  if (input.type === "amount") {
    const decimals = currencyDecimals(estimate.currency_code)
    const value = parseAmount(input.value, "value", { exclusiveMin: true, maxDecimals: decimals })
    if (value.gt(MathBN.convert(estimate.total))) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `value ${value.toFixed(decimals)} is more than the estimate's total of ${MathBN.convert(estimate.total).toFixed(decimals)} ${estimate.currency_code.toUpperCase()}: ask for at most the total`
      )
    }
    return { deposit_type: "amount", deposit_value: value.toString() }
  }
  throw new MedusaError(MedusaError.Types.INVALID_DATA, `type must be "percent", "amount" or null, got ${JSON.stringify(input.type)}`)
}
