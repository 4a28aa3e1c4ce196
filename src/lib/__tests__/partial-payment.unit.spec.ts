import { chosenPaymentAmount, partialPaymentPolicy, paymentChoices } from "../partial-payment"

const invoice = (over: Partial<{ status: string; total: number; amount_paid: number; currency_code: string }> = {}) => ({
  status: "sent",
  total: 59.97,
  amount_paid: 0,
  currency_code: "eur",
  ...over,
})
const allowed = (minimum: number | null = 10) => ({ allowed: true, minimum: minimum === null ? null : (minimum as any) })

describe("partialPaymentPolicy", () => {
  it("follows the settings' default when the invoice does not say", () => {
    expect(partialPaymentPolicy({}, { allow_partial_payments: true, partial_payment_minimum: 5 })).toEqual({
      allowed: true,
      minimum: expect.objectContaining({ numeric: 5 }),
    })
    expect(partialPaymentPolicy({ allow_partial_payments: null }, { allow_partial_payments: false })).toEqual({
      allowed: false,
      minimum: null,
    })
  })

  it("lets the invoice's own choice win over the default", () => {
    const policy = partialPaymentPolicy(
      { allow_partial_payments: false, partial_payment_minimum: 20 },
      { allow_partial_payments: true, partial_payment_minimum: 5 }
    )
    expect(policy.allowed).toBe(false)
    expect(policy.minimum?.numeric).toBe(20)
  })
})

describe("paymentChoices", () => {
  it("offers only the whole amount due when part payments are off", () => {
    expect(paymentChoices(invoice({ amount_paid: 20 }), { allowed: false, minimum: null })).toEqual({
      amount_due: 39.97,
      currency_code: "eur",
      partial: null,
    })
  })

  it("offers the minimum up to the amount due", () => {
    expect(paymentChoices(invoice(), allowed(10)).partial).toEqual({ minimum: 10, maximum: 59.97 })
  })

  it("takes one cent as the minimum when none is set, and rounds a minimum up to the currency", () => {
    expect(paymentChoices(invoice(), allowed(null)).partial).toEqual({ minimum: 0.01, maximum: 59.97 })
    expect(paymentChoices(invoice(), allowed(10.001)).partial).toEqual({ minimum: 10.01, maximum: 59.97 })
    expect(paymentChoices(invoice({ currency_code: "jpy", total: 5000 }), allowed(99.5)).partial).toEqual({
      minimum: 100,
      maximum: 5000,
    })
  })

  it("offers no part payment when the minimum is not below what is due", () => {
    expect(paymentChoices(invoice({ amount_paid: 50 }), allowed(10)).partial).toBeNull()
    expect(paymentChoices(invoice({ amount_paid: 49.97 }), allowed(10)).partial).toBeNull()
  })

  it("offers nothing on a paid or void invoice", () => {
    expect(paymentChoices(invoice({ status: "paid", amount_paid: 59.97 }), allowed()).amount_due).toBe(0)
    expect(paymentChoices(invoice({ status: "void" }), allowed())).toEqual({ amount_due: 0, currency_code: "eur", partial: null })
  })
})

describe("chosenPaymentAmount", () => {
  const choices = paymentChoices(invoice(), allowed(10))
  const only = paymentChoices(invoice(), { allowed: false, minimum: null })

  it("is the whole amount due when nothing is asked", () => {
    expect(chosenPaymentAmount(choices, undefined).numeric).toBe(59.97)
    expect(chosenPaymentAmount(only, null).numeric).toBe(59.97)
  })

  it("takes an amount between the minimum and the amount due, as text or number", () => {
    expect(chosenPaymentAmount(choices, "10").numeric).toBe(10)
    expect(chosenPaymentAmount(choices, 25.5).numeric).toBe(25.5)
    expect(chosenPaymentAmount(choices, "59.97").numeric).toBe(59.97)
  })

  it("accepts the whole amount due even when it is below the minimum", () => {
    const small = paymentChoices(invoice({ amount_paid: 55 }), allowed(10))
    expect(chosenPaymentAmount(small, "4.97").numeric).toBe(4.97)
  })

  it("refuses more than is due, less than the minimum, and any part when parts are off", () => {
    expect(() => chosenPaymentAmount(choices, "59.98")).toThrow("amount is more than is due: enter an amount from 10.00 EUR to 59.97 EUR")
    expect(() => chosenPaymentAmount(choices, "9.99")).toThrow("below the minimum part payment")
    expect(() => chosenPaymentAmount(only, "20")).toThrow("This invoice cannot be paid in part: pay the amount due, 59.97 EUR")
  })

  it("refuses what is not a plain amount in the currency's precision", () => {
    for (const bad of ["", "  ", "-5", "1e3", "abc", "10,5", "0x10", Infinity, NaN, {}, [], true]) {
      expect(() => chosenPaymentAmount(choices, bad)).toThrow(/amount must be a number/)
    }
    expect(() => chosenPaymentAmount(choices, "10.001")).toThrow(/more than 2 decimal places/)
  })
})
