import { MathBN, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { depositDue } from "../../../lib/deposit"
import { paymentReturnOutcome } from "../../../lib/payment-return"
import { PORTAL_MODULE } from "../../../modules/portal"
import type PortalModuleService from "../../../modules/portal/service"

type IntentData = { status?: unknown; last_payment_error?: { message?: unknown } | null }

/**
 * Where the deposit stands after the return was processed, told by the same rule as an invoice's
 * return (`paymentReturnOutcome`): a recorded deposit is "paid", a deposit still due is open, and
 * anything else (converted, no deposit) is "unpaid"; `converted` tells a deposit that came too late.
 */
export const readDepositReturnStep = createStep(
  "read-deposit-return",
  async (input: { customer_id: string; estimate_id: string; session_id: string | null; redirect_status?: string | null }, { container }) => {
    const estimate = await container
      .resolve<PortalModuleService>(PORTAL_MODULE)
      .retrieveCustomerEstimate(input.customer_id, input.estimate_id)
    const [session] = input.session_id
      ? await container.resolve(Modules.PAYMENT).listPaymentSessions({ id: input.session_id }, { take: 1 })
      : []
    const intent = (session?.data ?? {}) as IntentData
    const message = intent.last_payment_error?.message
    const reason = typeof message === "string" ? message : null
    const standing = estimate.deposit_payment_id ? "paid" : MathBN.gt(depositDue(estimate), 0) ? "sent" : "closed"
    return new StepResponse({
      outcome: paymentReturnOutcome({
        invoice_status: standing,
        intent_status: typeof intent.status === "string" ? intent.status : null,
        failure_message: reason,
        redirect_status: input.redirect_status,
      }),
      reason,
      // Converted before this payment was recorded: the capture workflow refunds it, so the page
      // must not say the bank is still confirming a deposit the estimate will never show.
      converted: Boolean(estimate.invoice_id) && !estimate.deposit_payment_id,
      estimate: { id: estimate.id, number: estimate.display_number },
    })
  }
)
