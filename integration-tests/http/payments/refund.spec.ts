import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { ParsedMail } from "mailparser"
import { adminHeaders } from "../../utils/admin"
import { drainEventBus } from "../../utils/drain"
import { invoiceBody, portalService } from "../../utils/portal"
import { csrfFrom, formPost, portalSession } from "../portal/helpers"
import { startPaymentTest, until, usePaymentHarness } from "./harness"

jest.setTimeout(180_000)

/*
 * Issue #15, item 4: the owner refunds all or part of an online payment from the invoice; Stripe
 * gives the money back (through Medusa's Payment Module), amount paid and status follow, the
 * customer sees the refund and gets an email. More than is left of the payment is refused.
 */
const harness = usePaymentHarness()

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let customer: { id: string; email: string }
    let session: any

    beforeEach(async () => {
      customer = await startPaymentTest(harness, getContainer())
      session = await portalSession(api, getContainer(), customer.id)
    })

    const fake = () => harness.fake
    /** A sent invoice of 59.97 EUR, paid in full by card (webhook), with its invoice payment. */
    const paidByCard = async () => {
      const { invoice } = (await api.post("/admin/invoices", invoiceBody(customer.id), adminHeaders)).data
      await api.post(`/admin/invoices/${invoice.id}/send`, {}, adminHeaders)
      const page = await api.get(`/portal/invoices/${invoice.id}`, session)
      await api.post(`/portal/invoices/${invoice.id}/pay`, `_csrf=${csrfFrom(page.data)}`, formPost(session))
      const [pi] = [...fake().paymentIntents.values()]
      const succeeded = fake().succeed(pi.id)
      await fake().sendWebhook(api.defaults.baseURL!, succeeded)
      await until(() => stored(invoice.id), (i) => i.status === "paid")
      await drainEventBus(getContainer())
      const [payment] = (await stored(invoice.id)).payments
      return { invoice, payment, pi, succeeded }
    }
    const stored = (id: string) => portalService(getContainer()).retrievePortalInvoice(id, { relations: ["payments"] })
    /** What a refund changes (a compensated one leaves only updated_at behind). */
    const money = async (id: string) => {
      const i = await stored(id)
      return {
        status: i.status,
        amount_paid: i.amount_paid,
        paid_at: i.paid_at,
        payments: i.payments.map((p) => ({ amount: p.amount, refunded_amount: p.refunded_amount, refunded_at: p.refunded_at })),
      }
    }
    const refund = (invoiceId: string, body: Record<string, unknown>) =>
      api.post(`/admin/invoices/${invoiceId}/refunds`, body, adminHeaders).catch((e) => e.response)
    const stripeRefunds = () => [...fake().refunds.values()].map((r) => ({ amount: r.amount, payment_intent: r.payment_intent }))
    const refundEmails = () => harness.sink.messages.filter((m: ParsedMail) => /Refund for invoice/.test(m.subject ?? ""))

    it("refunds part of a card payment through Stripe: amount paid and status follow, the customer sees it and is emailed", async () => {
      const { invoice, payment, pi } = await paidByCard()
      const response = await refund(invoice.id, { payment_id: payment.id, amount: 10, note: "Goodwill" })
      expect(response.status).toBe(200)
      expect(response.data.invoice).toEqual(
        expect.objectContaining({ status: "sent", display_status: "partially_paid", amount_paid: 49.97, open_amount: 10, paid_at: null })
      )
      expect(stripeRefunds()).toEqual([{ amount: 1000, payment_intent: pi.id }])
      expect((await stored(invoice.id)).payments[0]).toEqual(expect.objectContaining({ amount: 59.97, refunded_amount: 10 }))

      const page = await api.get(`/portal/invoices/${invoice.id}`, session)
      expect(page.data).toContain("€10.00 refunded")
      expect(page.data).toContain("Partially paid")
      await drainEventBus(getContainer())
      expect(refundEmails()).toHaveLength(1)
      expect(refundEmails()[0].text).toMatch(/Amount refunded: €10\.00\n/)
      expect(refundEmails()[0].text).toMatch(/Still due: +€10\.00\n/)
      const events = await portalService(getContainer()).listPortalEvents({ subject_id: invoice.id, type: "payment_refunded" })
      expect(events).toEqual([expect.objectContaining({ actor: "owner", data: expect.objectContaining({ refunded: 10, note: "Goodwill" }) })])

      // The rest of the payment, without naming it (the invoice has one card payment): back to Unpaid.
      const rest = await refund(invoice.id, { amount: 49.97 })
      expect(rest.status).toBe(200)
      expect(rest.data.invoice).toEqual(expect.objectContaining({ display_status: "unpaid", amount_paid: 0, open_amount: 59.97 }))
      expect(stripeRefunds().reduce((s, r) => s + r.amount, 0)).toBe(5997)
      await drainEventBus(getContainer())
      expect(refundEmails()).toHaveLength(2)

      // The statement of account lists each refund on its own date, and what is owed again.
      const statement = await api.get("/portal/statement", session)
      const number = (await stored(invoice.id)).display_number
      expect(statement.data).toContain(`Refund for ${number}`)
      expect(statement.data.split(`Refund for ${number}`)).toHaveLength(3)
      const ledger = await portalService(getContainer()).retrieveCustomerLedger(customer.id, new Date(Date.now() + 60_000))
      expect(ledger.refunds!.map((r) => [r.invoice_id, Number(r.amount)]).sort((a, b) => Number(a[1]) - Number(b[1]))).toEqual([
        [invoice.id, 10],
        [invoice.id, 49.97],
      ])
    })

    it("refuses a refund above what is left of the payment, and changes nothing", async () => {
      const { invoice, payment } = await paidByCard()
      const before = await stored(invoice.id)
      for (const [body, message] of [
        [{ payment_id: payment.id, amount: 59.98 }, "more than is left to refund of this payment: 59.97 EUR"],
        [{ payment_id: "invpay_nope", amount: 1 }, "is not a payment of invoice"],
        [{ amount: 1.001 }, "more than 2 decimal places"],
      ] as const) {
        const response = await refund(invoice.id, body)
        expect(response.status).toBe(400)
        expect(response.data.message).toContain(message)
      }
      expect(stripeRefunds()).toEqual([])
      expect(await stored(invoice.id)).toEqual(before)

      // An offline payment is not refunded here.
      const { invoice: other } = (await api.post("/admin/invoices", invoiceBody(customer.id), adminHeaders)).data
      await api.post(`/admin/invoices/${other.id}/send`, {}, adminHeaders)
      await api.post(`/admin/invoices/${other.id}/payments`, { amount: 20, method: "cash" }, adminHeaders)
      const offline = await refund(other.id, { amount: 5 })
      expect(offline.status).toBe(400)
      expect(offline.data.message).toContain("has no online payment to refund")
    })

    it("undoes the record when Stripe refuses the refund", async () => {
      const { invoice, payment } = await paidByCard()
      const before = await money(invoice.id)
      fake().failNext(400, 1, { method: "POST", path: "/v1/refunds" })
      const response = await refund(invoice.id, { payment_id: payment.id, amount: 5 })
      expect(response.status).toBe(422)
      expect(response.data.message).toContain("The refund was not made")
      expect(await money(invoice.id)).toEqual(before)
      expect(before.status).toBe("paid")
      expect(stripeRefunds()).toEqual([])
      // Nor does the statement show a refund that was not made.
      expect(await portalService(getContainer()).listPortalInvoiceRefunds({ invoice_id: invoice.id })).toEqual([])
    })

    it("changes nothing when the capture webhook is replayed after a refund", async () => {
      const { invoice, payment, succeeded } = await paidByCard()
      expect((await refund(invoice.id, { payment_id: payment.id, amount: 20 })).status).toBe(200)
      const after = await stored(invoice.id)
      for (let i = 0; i < 3; i++) {
        await fake().sendWebhook(api.defaults.baseURL!, succeeded)
      }
      await drainEventBus(getContainer())
      expect(await stored(invoice.id)).toEqual(after)
      expect(stripeRefunds()).toHaveLength(1)
    })
  },
})
