import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PaymentReturnOutcome, paymentReturnOutcome } from "../../../lib/payment-return"
import { PORTAL_MODULE } from "../../../modules/portal"
import type PortalModuleService from "../../../modules/portal/service"

export type PaymentReturn = {
  outcome: PaymentReturnOutcome
  /** Stripe's explanation of a refused payment. */
  reason: string | null
  invoice: { id: string; number: string | null }
}

type IntentData = { status?: unknown; last_payment_error?: { message?: unknown } | null }

/** Where the payment stands after the return was processed: the invoice, and the intent as Stripe last reported it. */
export const readPaymentReturnStep = createStep(
  "read-payment-return",
  async (
    input: { customer_id: string; invoice_id: string; session_id: string | null; redirect_status?: string | null },
    { container }
  ) => {
    const invoice = await container
      .resolve<PortalModuleService>(PORTAL_MODULE)
      .retrieveCustomerInvoice(input.customer_id, input.invoice_id)
    const [session] = input.session_id
      ? await container.resolve(Modules.PAYMENT).listPaymentSessions({ id: input.session_id }, { take: 1 })
      : []
    const intent = (session?.data ?? {}) as IntentData
    const message = intent.last_payment_error?.message
    const reason = typeof message === "string" ? message : null
    return new StepResponse<PaymentReturn>({
      outcome: paymentReturnOutcome({
        invoice_status: invoice.status,
        intent_status: typeof intent.status === "string" ? intent.status : null,
        failure_message: reason,
        redirect_status: input.redirect_status,
      }),
      reason,
      invoice: { id: invoice.id, number: invoice.display_number },
    })
  }
)
