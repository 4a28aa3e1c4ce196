import { planInvoicePaymentCollection } from "../payment-collection-plan"

const sent = { status: "sent", total: 59.97, amount_paid: 0 }
const collection = (amount: number, sessions: { id: string; amount: number; status: string }[] = [], status = "not_paid") => ({
  amount,
  status,
  payment_sessions: sessions,
})

describe("planInvoicePaymentCollection", () => {
  it("changes nothing while the open session asks for exactly what is due", () => {
    expect(planInvoicePaymentCollection(sent, collection(59.97, [{ id: "ps_1", amount: 59.97, status: "pending" }]))).toEqual({
      cancel_session_ids: [],
      collection: null,
    })
  })

  it("cancels a session for the old amount and resizes the collection after a partial payment", () => {
    const invoice = { ...sent, amount_paid: 19.97 }
    expect(planInvoicePaymentCollection(invoice, collection(59.97, [{ id: "ps_1", amount: 59.97, status: "pending" }]))).toEqual({
      cancel_session_ids: ["ps_1"],
      collection: { amount: 40 },
    })
  })

  it("cancels every open session and the collection when nothing is due (paid or void)", () => {
    const sessions = [
      { id: "ps_1", amount: 59.97, status: "pending" },
      { id: "ps_2", amount: 40, status: "requires_more" },
    ]
    for (const invoice of [{ ...sent, amount_paid: 59.97 }, { ...sent, status: "paid", amount_paid: 59.97 }, { ...sent, status: "void" }]) {
      expect(planInvoicePaymentCollection(invoice, collection(59.97, sessions))).toEqual({
        cancel_session_ids: ["ps_1", "ps_2"],
        collection: "cancel",
      })
    }
  })

  it("never cancels an authorized or captured session, and leaves a completed collection as it is", () => {
    const sessions = [
      { id: "ps_paid", amount: 59.97, status: "authorized" },
      { id: "ps_left", amount: 59.97, status: "pending" },
    ]
    expect(
      planInvoicePaymentCollection({ ...sent, status: "paid", amount_paid: 59.97 }, collection(59.97, sessions, "completed"))
    ).toEqual({ cancel_session_ids: ["ps_left"], collection: null })
  })
})
