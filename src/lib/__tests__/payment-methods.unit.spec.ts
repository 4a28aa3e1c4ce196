import { InvoicePaymentMethod } from "../../modules/portal/constants"
import { OFFLINE_PAYMENT_METHODS, PAYMENT_METHOD_LABELS, paymentMethodLabel } from "../payment-methods"

describe("payment method labels", () => {
  it("names every stored method, a check as a Check", () => {
    for (const method of Object.values(InvoicePaymentMethod)) {
      expect(PAYMENT_METHOD_LABELS[method]).toEqual(expect.any(String))
    }
    expect(paymentMethodLabel("check")).toBe("Check")
  })

  it("reads an unknown method as Other rather than its code", () => {
    expect(paymentMethodLabel("barter")).toBe("Other")
  })

  it("lets the owner record every method but the online one", () => {
    expect([...OFFLINE_PAYMENT_METHODS].sort()).toEqual(
      Object.values(InvoicePaymentMethod).filter((m) => m !== "stripe").sort()
    )
  })
})
