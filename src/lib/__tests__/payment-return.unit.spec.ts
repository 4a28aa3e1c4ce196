import { paymentReturnOutcome, processingRecheckSeconds } from "../payment-return"

const sent = { invoice_status: "sent", intent_status: "requires_payment_method", failure_message: null }

describe("paymentReturnOutcome", () => {
  it("is paid only when the invoice is", () => {
    expect(paymentReturnOutcome({ ...sent, invoice_status: "paid" })).toBe("paid")
    expect(paymentReturnOutcome({ ...sent, redirect_status: "succeeded" })).toBe("unpaid")
  })

  it("is processing while Stripe processes the payment, or has taken it and the invoice is not yet paid", () => {
    expect(paymentReturnOutcome({ ...sent, intent_status: "processing" })).toBe("processing")
    expect(paymentReturnOutcome({ ...sent, intent_status: "succeeded" })).toBe("processing")
  })

  it("is failed when Stripe refused the payment, by its message or its redirect", () => {
    expect(paymentReturnOutcome({ ...sent, failure_message: "Your card was declined." })).toBe("failed")
    expect(paymentReturnOutcome({ ...sent, redirect_status: "failed" })).toBe("failed")
  })

  it("is unpaid for a void invoice or an intent nobody confirmed", () => {
    expect(paymentReturnOutcome({ ...sent, invoice_status: "void", intent_status: "processing" })).toBe("unpaid")
    expect(paymentReturnOutcome({ ...sent, intent_status: null })).toBe("unpaid")
  })
})

describe("processingRecheckSeconds", () => {
  it("checks soon at first, then less often, and never faster on odd input", () => {
    expect(processingRecheckSeconds(0)).toBe(3)
    expect(processingRecheckSeconds(4)).toBe(10)
    expect(processingRecheckSeconds(99)).toBe(30)
    expect(processingRecheckSeconds(-5)).toBe(3)
    expect(processingRecheckSeconds(Number.NaN)).toBe(30)
  })
})
