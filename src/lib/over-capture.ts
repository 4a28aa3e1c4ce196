import { BigNumber, MathBN } from "@medusajs/framework/utils"
import type { BigNumberInput } from "@medusajs/framework/types"

/**
 * What of a captured card payment must go back to the customer: what was captured, less what
 * the invoice took of it and what was already refunded. Computed from stored facts only, so a
 * replayed capture event finds nothing left to refund.
 */
export function overCapturedAmount({
  captured,
  recorded,
  refunded,
}: {
  captured: BigNumberInput
  recorded: BigNumberInput
  refunded: BigNumberInput
}) {
  return new BigNumber(MathBN.max(0, MathBN.sub(captured, MathBN.add(recorded, refunded))))
}
