import type { MedusaError } from "@medusajs/framework/utils"

/*
 * What the PDF code takes from @medusajs/framework/utils — MedusaError, and lib/money's BigNumber
 * arithmetic — loaded on first use rather than with the module. A PDF worker thread then starts
 * without it (loading it costs a thread about a second and 55 MB): a valid document that comes with
 * its open amount, which is what the app sends, needs neither.
 */

/** INVALID_DATA, as every other input check of the app throws it. */
export function invalidDataError(message: string): MedusaError {
  const utils = require("@medusajs/framework/utils") as typeof import("@medusajs/framework/utils")
  return new utils.MedusaError(utils.MedusaError.Types.INVALID_DATA, message)
}

/** lib/money's `openAmount` (total − paid, never below 0), as a decimal string. */
export function openAmountDecimal(total: string, paid: string): string {
  const money = require("../money") as typeof import("../money")
  return money.openAmount(total, paid).bigNumber!.toFixed()
}
