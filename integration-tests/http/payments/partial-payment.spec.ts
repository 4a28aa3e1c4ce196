import { createApiKeysWorkflow } from "@medusajs/medusa/core-flows"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { ParsedMail } from "mailparser"
import { readPdf } from "../../../src/lib/pdf/__tests__/extract-text"
import { adminHeaders } from "../../utils/admin"
import { drainEventBus } from "../../utils/drain"
import { invoiceBody, portalService } from "../../utils/portal"
import { csrfFrom, formPost, portalSession } from "../portal/helpers"
import { startPaymentTest, until, usePaymentHarness } from "./harness"

jest.setTimeout(180_000)

/*
 * Issue #15, item 1: the owner lets a customer pay part of an invoice online (a default in the
 * settings, a choice per invoice, a minimum). The amount is the customer's choice as the server
 * checks it; "Partially paid" is derived; each online payment brings its own receipt.
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
    /** A sent invoice of 59.97 EUR. */
    const sentInvoice = async () => {
      const { invoice } = (await api.post("/admin/invoices", invoiceBody(customer.id), adminHeaders)).data
      return (await api.post(`/admin/invoices/${invoice.id}/send`, {}, adminHeaders)).data.invoice
    }
    const pay = async (invoiceId: string, form: string) => {
      const page = await api.get(`/portal/invoices/${invoiceId}`, session)
      return api
        .post(`/portal/invoices/${invoiceId}/pay`, `_csrf=${csrfFrom(page.data)}${form ? `&${form}` : ""}`, formPost(session))
        .catch((e) => e.response)
    }
    const intents = () => [...fake().paymentIntents.values()]
    const newestIntent = () => intents()[intents().length - 1]
    const receipts = () => harness.sink.messages.filter((m: ParsedMail) => /Receipt for invoice/.test(m.subject ?? ""))
    const stored = (id: string) => portalService(getContainer()).retrievePortalInvoice(id, { relations: ["payments"] })
    const allowParts = (minimum: number | null = 10) =>
      api.post("/admin/portal/settings", { allow_partial_payments: true, partial_payment_minimum: minimum }, adminHeaders)

    it("pays part online, shows Partially paid on the page, the admin and the PDF, then the rest; a receipt per payment", async () => {
      await allowParts(10)
      const invoice = await sentInvoice()
      const page = await api.get(`/portal/invoices/${invoice.id}`, session)
      expect(page.data).toContain("Pay another amount")
      expect(page.data).toContain("From €10.00 to €59.97")

      const part = await pay(invoice.id, "amount_choice=part&amount=20")
      expect(part.status).toBe(200)
      expect(newestIntent()).toEqual(expect.objectContaining({ amount: 2000, currency: "eur" }))
      expect(part.data).toContain(`data-client-secret="${newestIntent().client_secret}"`)
      expect(part.data).toContain("A part payment")

      const succeeded = fake().succeed(newestIntent().id)
      await fake().sendWebhook(api.defaults.baseURL!, succeeded)
      const partly = await until(() => stored(invoice.id), (i) => Number(i.amount_paid) === 20)
      expect(partly).toEqual(expect.objectContaining({ status: "sent", amount_paid: 20 }))
      await drainEventBus(getContainer())

      // Derived everywhere: the portal page, the admin, the PDF.
      const after = await api.get(`/portal/invoices/${invoice.id}`, session)
      expect(after.data).toContain('class="badge badge-partially_paid">Partially paid<')
      expect(after.data).toMatch(/Amount due<\/span>\s*<span class="due-amount">€39\.97/)
      const admin = (await api.get(`/admin/invoices/${invoice.id}`, adminHeaders)).data.invoice
      expect(admin).toEqual(expect.objectContaining({ display_status: "partially_paid", amount_paid: 20, open_amount: 39.97 }))
      const pdf = await api.get(`/portal/invoices/${invoice.id}/pdf`, { ...session, responseType: "arraybuffer" })
      expect((await readPdf(Buffer.from(pdf.data))).text).toContain("Partially paid")

      // A receipt for the part, saying what is still due.
      expect(receipts()).toHaveLength(1)
      expect(receipts()[0].text).toContain("we received your part payment")
      expect(receipts()[0].text).toMatch(/Amount paid: €20\.00\n/)
      expect(receipts()[0].text).toMatch(/Still due: +€39\.97\n/)

      // A replayed webhook changes nothing.
      for (let i = 0; i < 3; i++) {
        await fake().sendWebhook(api.defaults.baseURL!, succeeded)
      }
      await drainEventBus(getContainer())
      expect((await stored(invoice.id)).payments).toHaveLength(1)
      expect(receipts()).toHaveLength(1)

      // The rest, in full: a new intent for what is still due.
      const rest = await pay(invoice.id, "amount_choice=full&amount=1")
      expect(rest.status).toBe(200)
      expect(newestIntent()).toEqual(expect.objectContaining({ amount: 3997 }))
      await fake().sendWebhook(api.defaults.baseURL!, fake().succeed(newestIntent().id))
      const paid = await until(() => stored(invoice.id), (i) => i.status === "paid")
      expect(paid).toEqual(expect.objectContaining({ status: "paid", amount_paid: 59.97 }))
      expect(paid.payments.map((p) => Number(p.amount)).sort()).toEqual([20, 39.97])
      await drainEventBus(getContainer())
      expect(receipts()).toHaveLength(2)
      expect(receipts()[1].text).toContain("we received your payment")
      expect(receipts()[1].text).toMatch(/Amount paid: €39\.97\n/)
      // Stripe holds exactly the total.
      expect([...fake().charges.values()].reduce((s, c) => s + c.amount_captured - c.amount_refunded, 0)).toBe(5997)
    })

    it("refuses an amount below the minimum, above the amount due or a part the invoice does not take; nothing is created", async () => {
      const invoice = await sentInvoice()
      // Part payments off (the default): a part is refused, the whole amount is fine.
      const off = await pay(invoice.id, "amount_choice=part&amount=20")
      expect(off.status).toBe(400)
      expect(off.data).toContain("This invoice cannot be paid in part: pay the amount due, 59.97 EUR")
      expect((await api.get(`/portal/invoices/${invoice.id}`, session)).data).not.toContain("Pay another amount")

      await allowParts(10)
      for (const [amount, message] of [
        ["9.99", "amount is below the minimum part payment: enter an amount from 10.00 EUR to 59.97 EUR"],
        ["59.98", "amount is more than is due"],
        ["", "amount must be a number"],
        ["-5", "amount must be a number"],
        ["1e3", "amount must be a number"],
        ["10.001", "more than 2 decimal places"],
      ]) {
        const response = await pay(invoice.id, `amount_choice=part&amount=${encodeURIComponent(amount)}`)
        expect(response.status).toBe(400)
        expect(response.data).toContain(message)
      }
      expect(fake().requestsTo("POST", "/v1/payment_intents")).toHaveLength(0)
      expect(await portalService(getContainer()).listPortalEvents({ subject_id: invoice.id, type: "payment_started" })).toHaveLength(0)
    })

    it("lets the owner allow parts on one invoice with its own minimum, and cancels an open part when parts are stopped", async () => {
      const invoice = await sentInvoice()
      const set = await api.post(
        `/admin/invoices/${invoice.id}/payment-options`,
        { allow_partial_payments: true, partial_payment_minimum: 25 },
        adminHeaders
      )
      expect(set.data.invoice).toEqual(expect.objectContaining({ allow_partial_payments: true, partial_payment_minimum: 25 }))
      expect((await api.get(`/portal/invoices/${invoice.id}`, session)).data).toContain("From €25.00 to €59.97")
      expect((await pay(invoice.id, "amount_choice=part&amount=20")).status).toBe(400)
      expect((await pay(invoice.id, "amount_choice=part&amount=25")).status).toBe(200)
      const open = newestIntent()
      expect(open.amount).toBe(2500)

      // A new choice replaces the earlier page's intent.
      expect((await pay(invoice.id, "amount_choice=part&amount=30")).status).toBe(200)
      expect(fake().paymentIntents.get(open.id)!.status).toBe("canceled")
      const second = newestIntent()

      await api.post(`/admin/invoices/${invoice.id}/payment-options`, { allow_partial_payments: false }, adminHeaders)
      expect(fake().paymentIntents.get(second.id)!.status).toBe("canceled")
      expect((await api.get(`/portal/invoices/${invoice.id}`, session)).data).not.toContain("Pay another amount")

      // Null goes back to the settings' default (off here).
      const reset = await api.post(
        `/admin/invoices/${invoice.id}/payment-options`,
        { allow_partial_payments: null, partial_payment_minimum: null },
        adminHeaders
      )
      expect(reset.data.invoice).toEqual(expect.objectContaining({ allow_partial_payments: null, partial_payment_minimum: null }))
      const bad = await api
        .post(`/admin/invoices/${invoice.id}/payment-options`, { partial_payment_minimum: -1 }, adminHeaders)
        .catch((e) => e.response)
      expect(bad.status).toBe(400)
    })

    it("gives a storefront the choices and a session for the part it asks", async () => {
      await allowParts(null)
      const invoice = await sentInvoice()
      const { result: keys } = await createApiKeysWorkflow(getContainer()).run({
        input: { api_keys: [{ title: "store", type: "publishable", created_by: "test" }] },
      })
      const link = await api.post(`/admin/customers/${customer.id}/portal-access/link`, {}, adminHeaders)
      const token = new URL(link.data.link.url).pathname.split("/").pop()
      const storeHeaders = { "x-publishable-api-key": keys[0].token }
      const { data } = await api.post("/store/portal/auth", { token }, { headers: storeHeaders })
      const auth = { headers: { ...storeHeaders, authorization: `Bearer ${data.token}` } }

      const detail = (await api.get(`/store/portal/invoices/${invoice.id}`, auth)).data.invoice
      expect(detail.payment_choices).toEqual({ amount_due: 59.97, currency_code: "eur", partial: { minimum: 0.01, maximum: 59.97 } })

      const created = await api.post(`/store/portal/invoices/${invoice.id}/payment-session`, { amount: 12.5 }, auth)
      expect(created.data.payment_session).toEqual(expect.objectContaining({ amount: 12.5, amount_due: 59.97, currency_code: "eur" }))
      expect(newestIntent().amount).toBe(1250)
      const tooMuch = await api
        .post(`/store/portal/invoices/${invoice.id}/payment-session`, { amount: 60 }, auth)
        .catch((e) => e.response)
      expect(tooMuch.status).toBe(400)
      expect(tooMuch.data.message).toContain("amount is more than is due")
    })
  },
})
