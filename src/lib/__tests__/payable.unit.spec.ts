import { whyNotPayable } from "../payable"

const ready = { allow_payments: true, stripe_ready: true }

describe("whyNotPayable", () => {
  it("allows a sent invoice with an open amount when payments are on and Stripe is ready", () => {
    expect(whyNotPayable({ status: "sent", total: 59.97, amount_paid: 19.97 }, ready)).toBeNull()
  })

  it("refuses drafts, void, paid and fully paid invoices as settled", () => {
    for (const status of ["draft", "void", "paid"]) {
      expect(whyNotPayable({ status, total: 10, amount_paid: 0 }, ready)).toBe("settled")
    }
    expect(whyNotPayable({ status: "sent", total: 10, amount_paid: 10 }, ready)).toBe("settled")
  })

  it("says when the owner turned payments off, then when Stripe is not set up", () => {
    expect(whyNotPayable({ status: "sent", total: 10, amount_paid: 0 }, { ...ready, allow_payments: false })).toBe("payments_off")
    expect(whyNotPayable({ status: "sent", total: 10, amount_paid: 0 }, { ...ready, stripe_ready: false })).toBe("not_set_up")
  })
})
