/**
 * What a customer coming back from Stripe is told, from what the server knows (the invoice and
 * the PaymentIntent as Stripe last reported it), never from the return URL's claims, except that
 * a failure Stripe reported there is believed (it grants nothing).
 */
export type PaymentReturnOutcome = "paid" | "processing" | "failed" | "unpaid"

export function paymentReturnOutcome(input: {
  invoice_status: string
  /** The PaymentIntent's status (`processing`, `succeeded`, …), null without a payment session. */
  intent_status: string | null
  /** Stripe's explanation of a refused payment. */
  failure_message: string | null
  /** `redirect_status` from Stripe's redirect. */
  redirect_status?: string | null
}): PaymentReturnOutcome {
  if (input.invoice_status === "paid") {
    return "paid"
  }
  if (input.invoice_status !== "sent") {
    return "unpaid"
  }
  if (input.failure_message || input.redirect_status === "failed") {
    return "failed"
  }
  // Succeeded at Stripe but not (yet) on the invoice: the capture is being recorded.
  return input.intent_status === "processing" || input.intent_status === "succeeded" ? "processing" : "unpaid"
}

/** Seconds before the processing page checks again: soon at first, then less and less often. */
export function processingRecheckSeconds(check: number) {
  const steps = [3, 3, 5, 5, 10, 10, 30]
  const last = steps.length - 1
  return steps[Number.isFinite(check) ? Math.min(Math.max(0, Math.floor(check)), last) : last]
}
