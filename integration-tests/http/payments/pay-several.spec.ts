import { Modules } from "@medusajs/framework/utils"
import { createApiKeysWorkflow } from "@medusajs/medusa/core-flows"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { ParsedMail } from "mailparser"
import { adminHeaders } from "../../utils/admin"
import { createCustomer } from "../../utils/customer"
import { drainEventBus } from "../../utils/drain"
import { invoiceBody, portalService } from "../../utils/portal"
import { recordCapturedBatchPaymentWorkflow } from "../../../src/workflows/payments"
import { csrfFrom, formPost, portalSession } from "../portal/helpers"
import { startPaymentTest, until, usePaymentHarness } from "./harness"

jest.setTimeout(180_000)

/*
 * Issue #15, item 3: "Pay all open invoices" (or a chosen set) as one Stripe payment, shared out
 * oldest first, each invoice's status right, one receipt listing them; never more recorded on an
 * invoice than it asks for, and a replayed webhook changes nothing.
 */
const harness = usePaymentHarness()

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let customer: { id: string; email: string }
    let auth: { headers: Record<string, string> }
    let storeHeaders: Record<string, string>

    const storeAuth = async (customerId: string) => {
      const link = await api.post(`/admin/customers/${customerId}/portal-access/link`, {}, adminHeaders)
      const token = new URL(link.data.link.url).pathname.split("/").pop()
      const { data } = await api.post("/store/portal/auth", { token }, { headers: storeHeaders })
      return { headers: { ...storeHeaders, authorization: `Bearer ${data.token}` } }
    }

    beforeEach(async () => {
      customer = await startPaymentTest(harness, getContainer())
      const { result: keys } = await createApiKeysWorkflow(getContainer()).run({
        input: { api_keys: [{ title: "store", type: "publishable", created_by: "test" }] },
      })
      storeHeaders = { "x-publishable-api-key": keys[0].token }
      auth = await storeAuth(customer.id)
    })

    const fake = () => harness.fake
    /** A sent invoice of `price` (one line, no tax). */
    const sentInvoice = async (price: number, over: Record<string, unknown> = {}, customerId = customer.id) => {
      const body = invoiceBody(customerId, { lines: [{ title: "Work", quantity: 1, unit_price: price }], ...over })
      const { invoice } = (await api.post("/admin/invoices", body, adminHeaders)).data
      return (await api.post(`/admin/invoices/${invoice.id}/send`, {}, adminHeaders)).data.invoice
    }
    const payMany = (body: Record<string, unknown>, as = auth) =>
      api.post("/store/portal/payments", body, as).catch((e) => e.response)
    const intents = () => [...fake().paymentIntents.values()]
    const newestIntent = () => intents()[intents().length - 1]
    const stored = (id: string) => portalService(getContainer()).retrievePortalInvoice(id, { relations: ["payments"] })
    const receipts = () => harness.sink.messages.filter((m: ParsedMail) => /Receipt for/.test(m.subject ?? ""))
    const stripeNetCents = () => [...fake().charges.values()].reduce((s, c) => s + c.amount_captured - c.amount_refunded, 0)
    const batches = () => portalService(getContainer()).listPortalPaymentBatches({}, { relations: ["items"] })
    const payOffline = (invoiceId: string, amount: number) =>
      api.post(`/admin/invoices/${invoiceId}/payments`, { amount, method: "bank_transfer" }, adminHeaders)

    it("pays every open invoice of a currency in one payment, oldest first; one receipt; a replayed webhook changes nothing", async () => {
      const later = await sentInvoice(100, { due_date: "2027-03-01" })
      const oldest = await sentInvoice(50, { due_date: "2027-01-10" })
      const middle = await sentInvoice(59.97, { due_date: "2027-02-01" })
      const dollars = await sentInvoice(10, { currency_code: "usd" })

      const started = await payMany({ currency_code: "eur" })
      expect(started.status).toBe(200)
      expect(started.data.payment).toEqual({
        id: expect.stringMatching(/^pbat_/),
        client_secret: newestIntent().client_secret,
        amount: 209.97,
        currency_code: "eur",
        provider_id: "pp_stripe_stripe",
        invoices: [
          { id: oldest.id, number: oldest.display_number, amount_due: 50 },
          { id: middle.id, number: middle.display_number, amount_due: 59.97 },
          { id: later.id, number: later.display_number, amount_due: 100 },
        ],
      })
      expect(newestIntent()).toEqual(expect.objectContaining({ amount: 20997, currency: "eur" }))
      // A second click gets the same PaymentIntent back.
      const again = await payMany({ currency_code: "EUR" })
      expect(again.data.payment.client_secret).toBe(started.data.payment.client_secret)
      expect(intents()).toHaveLength(1)

      const succeeded = fake().succeed(newestIntent().id)
      await fake().sendWebhook(api.defaults.baseURL!, succeeded)
      await until(() => stored(later.id), (i) => i.status === "paid")
      await drainEventBus(getContainer())
      for (const [invoice, amount] of [[oldest, 50], [middle, 59.97], [later, 100]] as const) {
        const now = await stored(invoice.id)
        expect(now).toEqual(expect.objectContaining({ status: "paid", amount_paid: amount }))
        expect(now.payments).toEqual([expect.objectContaining({ method: "stripe", amount, payment_id: expect.any(String) })])
      }
      expect((await stored(dollars.id)).status).toBe("sent")
      expect(stripeNetCents()).toBe(20997)
      const [batch] = await batches()
      expect(batch).toEqual(expect.objectContaining({ status: "captured", payment_id: expect.any(String) }))

      // One receipt, listing each invoice and what it took.
      expect(receipts()).toHaveLength(1)
      expect(receipts()[0].subject).toBe("Receipt for your payment of 3 invoices from Acme Plumbing")
      expect(receipts()[0].text).toContain("we received your payment of €209.97")
      expect(receipts()[0].text).toMatch(new RegExp(`${oldest.display_number}: +Applied €50\\.00, Paid\\n`))
      expect(receipts()[0].text).toMatch(new RegExp(`${later.display_number}: +Applied €100\\.00, Paid\\n`))
      const feed = await getContainer().resolve(Modules.NOTIFICATION).listNotifications({ channel: "feed" })
      expect(feed.filter((n) => /3 invoices paid together/.test(String((n.data as any)?.title)))).toHaveLength(1)

      // Replays: by webhook, and the capture workflow run again to completion.
      for (let i = 0; i < 3; i++) {
        await fake().sendWebhook(api.defaults.baseURL!, succeeded)
      }
      await drainEventBus(getContainer())
      await recordCapturedBatchPaymentWorkflow(getContainer()).run({ input: { payment_id: batch.payment_id! } })
      await drainEventBus(getContainer())
      for (const invoice of [oldest, middle, later]) {
        expect((await stored(invoice.id)).payments).toHaveLength(1)
      }
      expect(receipts()).toHaveLength(1)
      expect([...fake().refunds.values()]).toHaveLength(0)

      // Nothing open is left in EUR; the dollar invoice is paid on its own.
      const none = await payMany({ currency_code: "eur" })
      expect(none.status).toBe(400)
      expect(none.data.message).toBe("You have no open invoices in EUR to pay")
    })

    it("pays a chosen set; a part-paid invoice asks for its rest; the invoices left out stay open", async () => {
      await api.post("/admin/portal/settings", { allow_partial_payments: true }, adminHeaders)
      const a = await sentInvoice(80, { due_date: "2027-01-01" })
      const b = await sentInvoice(40, { due_date: "2027-02-01" })
      const c = await sentInvoice(25, { due_date: "2026-12-20" })
      await payOffline(a.id, 30)

      const started = await payMany({ currency_code: "eur", invoice_ids: [b.id, a.id] })
      expect(started.status).toBe(200)
      expect(started.data.payment.amount).toBe(90)
      expect(started.data.payment.invoices.map((i: any) => [i.id, i.amount_due])).toEqual([[a.id, 50], [b.id, 40]])
      await fake().sendWebhook(api.defaults.baseURL!, fake().succeed(newestIntent().id))
      await until(() => stored(b.id), (i) => i.status === "paid")
      await drainEventBus(getContainer())
      expect(await stored(a.id)).toEqual(expect.objectContaining({ status: "paid", amount_paid: 80 }))
      expect(await stored(c.id)).toEqual(expect.objectContaining({ status: "sent", amount_paid: 0 }))
      expect(receipts()).toHaveLength(1)
      expect(receipts()[0].subject).toContain("2 invoices")
    })

    it("records only what each invoice still asks for when one changed in between; the rest is refunded and reported", async () => {
      const oldest = await sentInvoice(50, { due_date: "2027-01-10" })
      const later = await sentInvoice(100, { due_date: "2027-03-01" })
      const voided = await sentInvoice(20, { due_date: "2027-04-01" })
      expect((await payMany({ currency_code: "eur" })).data.payment.amount).toBe(170)
      const intent = newestIntent()
      // The customer paid 170; before the webhook, the owner takes 30 offline on the oldest and voids one.
      const succeeded = fake().succeed(intent.id)
      expect((await payOffline(oldest.id, 30)).status).toBe(200)
      expect((await api.post(`/admin/invoices/${voided.id}/void`, {}, adminHeaders)).status).toBe(200)

      await fake().sendWebhook(api.defaults.baseURL!, succeeded)
      await until(() => Promise.resolve([...fake().refunds.values()]), (r) => r.length > 0)
      await drainEventBus(getContainer())
      // Oldest first: the oldest takes its 20 left, the later one its 100; 50 goes back.
      expect(await stored(oldest.id)).toEqual(expect.objectContaining({ status: "paid", amount_paid: 50 }))
      expect((await stored(oldest.id)).payments.map((p) => [p.method, p.amount])).toEqual(
        expect.arrayContaining([["bank_transfer", 30], ["stripe", 20]])
      )
      expect(await stored(later.id)).toEqual(expect.objectContaining({ status: "paid", amount_paid: 100 }))
      expect(await stored(voided.id)).toEqual(expect.objectContaining({ status: "void", amount_paid: 0 }))
      expect([...fake().refunds.values()].map((r) => [r.amount, r.payment_intent])).toEqual([[5000, intent.id]])
      expect(stripeNetCents()).toBe(12000)
      const events = await portalService(getContainer()).listPortalEvents({ type: "payment_refunded" })
      expect(events).toEqual([expect.objectContaining({ data: expect.objectContaining({ captured: 170, recorded: 120, refunded: 50 }) })])
      expect(receipts()).toHaveLength(1)
      expect(receipts()[0].text).toContain("we received your payment of €120.00")

      // A replay refunds nothing more.
      await fake().sendWebhook(api.defaults.baseURL!, succeeded)
      await drainEventBus(getContainer())
      expect([...fake().refunds.values()]).toHaveLength(1)
    })

    it("cancels an open batch when one of its invoices changes, and an invoice's own Pay Now session when the batch pays it", async () => {
      const a = await sentInvoice(50, { due_date: "2027-01-10" })
      const b = await sentInvoice(70, { due_date: "2027-02-10" })
      // Pay Now on one invoice alone (the portal page), then a batch for both.
      const session = await portalSession(api, getContainer(), customer.id)
      const page = await api.get(`/portal/invoices/${a.id}`, session)
      await api.post(`/portal/invoices/${a.id}/pay`, `_csrf=${csrfFrom(page.data)}`, formPost(session))
      const single = newestIntent()
      expect(single.amount).toBe(5000)

      const first = await payMany({ currency_code: "eur" })
      const firstIntent = newestIntent()
      expect(firstIntent.amount).toBe(12000)
      // An offline payment lowers what b asks for: the batch's intent could charge too much.
      await payOffline(b.id, 20)
      expect(fake().paymentIntents.get(firstIntent.id)!.status).toBe("canceled")
      expect((await batches()).find((x) => x.id === first.data.payment.id)!.status).toBe("canceled")

      const second = await payMany({ currency_code: "eur" })
      expect(second.data.payment.amount).toBe(100)
      expect(second.data.payment.id).not.toBe(first.data.payment.id)
      await fake().sendWebhook(api.defaults.baseURL!, fake().succeed(newestIntent().id))
      await until(() => stored(b.id), (i) => i.status === "paid")
      await drainEventBus(getContainer())
      // The single-invoice intent can no longer charge a paid invoice.
      expect(fake().paymentIntents.get(single.id)!.status).toBe("canceled")
    })

    it("pays from the portal pages: the home page's Pay button for several invoices, the chosen ones on the list, and the return page", async () => {
      const session = await portalSession(api, getContainer(), customer.id)
      const a = await sentInvoice(50, { due_date: "2027-01-10" })
      const b = await sentInvoice(70, { due_date: "2027-02-10" })
      const c = await sentInvoice(30, { due_date: "2027-03-10" })

      // Home: several open invoices in EUR make the Pay button one payment for all of them.
      const home = await api.get("/portal", session)
      expect(home.data).toMatch(/<form method="post" action="\/portal\/payments"[^]*name="currency_code" value="eur"[^]*Pay €150\.00/)
      const all = await api.post("/portal/payments", `_csrf=${csrfFrom(home.data)}&currency_code=eur`, formPost(session))
      expect(all.status).toBe(200)
      expect(all.data).toContain(`data-client-secret="${newestIntent().client_secret}"`)
      expect(all.data).toMatch(new RegExp(`${a.display_number}[^]*${b.display_number}[^]*${c.display_number}`))
      expect(newestIntent().amount).toBe(15000)

      // The list: checked invoices, paid together (their currency taken from them).
      const list = await api.get("/portal/invoices", session)
      expect(list.data).toContain(`name="invoice_ids" value="${c.id}"`)
      expect(list.data).toContain('data-testid="pay-selected"')
      const chosen = await api.post(
        "/portal/payments",
        `_csrf=${csrfFrom(list.data)}&invoice_ids=${c.id}&invoice_ids=${a.id}`,
        formPost(session)
      )
      expect(chosen.status).toBe(200)
      const intent = newestIntent()
      expect(intent.amount).toBe(8000)
      const batchId = /\/portal\/payments\/(pbat_[A-Za-z0-9]+)\/return/.exec(chosen.data)![1]

      // Back from Stripe: the return page records at once, before any webhook.
      fake().succeed(intent.id)
      const back = await api.get(`/portal/payments/${batchId}/return?redirect_status=succeeded`, session)
      expect(back.status).toBe(200)
      expect(back.data).toContain("A receipt listing them is on its way")
      expect(await stored(a.id)).toEqual(expect.objectContaining({ status: "paid" }))
      expect(await stored(c.id)).toEqual(expect.objectContaining({ status: "paid" }))
      expect(await stored(b.id)).toEqual(expect.objectContaining({ status: "sent", amount_paid: 0 }))
      await drainEventBus(getContainer())
      expect(receipts()).toHaveLength(1)
      // Again: nothing more.
      expect((await api.get(`/portal/payments/${batchId}/return`, session)).status).toBe(200)
      await drainEventBus(getContainer())
      expect((await stored(a.id)).payments).toHaveLength(1)
      expect(receipts()).toHaveLength(1)

      // Another customer's payment is not found; a refused form says why and changes nothing.
      const other = await createCustomer(getContainer(), { first_name: "Sam" })
      const theirs = await portalSession(api, getContainer(), other.id)
      expect((await api.get(`/portal/payments/${batchId}/return`, theirs).catch((e) => e.response)).status).toBe(404)
      const refused = await api
        .post("/portal/payments", `_csrf=${csrfFrom(list.data)}&invoice_ids=${a.id}`, formPost(session))
        .catch((e) => e.response)
      expect(refused.status).toBe(403)
      expect(refused.data).toContain(`Invoice ${a.display_number} has nothing left to pay`)
    })

    it("refuses another customer's invoice, a paid one, one in another currency, and payments turned off; nothing is created", async () => {
      const mine = await sentInvoice(50)
      const usd = await sentInvoice(10, { currency_code: "usd" })
      const paid = await sentInvoice(10)
      await payOffline(paid.id, 10)
      const other = await createCustomer(getContainer(), { first_name: "Sam", email: "sam@example.com" })
      const theirs = await sentInvoice(30, {}, other.id)
      const draft = (await api.post("/admin/invoices", invoiceBody(customer.id), adminHeaders)).data.invoice

      const cases: [Record<string, unknown>, number, string][] = [
        [{ currency_code: "eur", invoice_ids: [mine.id, theirs.id] }, 404, `Invoice with id "${theirs.id}" was not found`],
        [{ currency_code: "eur", invoice_ids: [draft.id] }, 404, "was not found"],
        [{ currency_code: "eur", invoice_ids: ["inv_missing"] }, 404, "was not found"],
        [{ currency_code: "eur", invoice_ids: [mine.id, usd.id] }, 400, `Invoice ${usd.display_number} is in USD: pay invoices of one currency at a time`],
        [{ currency_code: "eur", invoice_ids: [paid.id] }, 400, `Invoice ${paid.display_number} has nothing left to pay: leave it out of the payment`],
        [{ currency_code: "gbp" }, 400, "You have no open invoices in GBP to pay"],
        [{ currency_code: "zzz" }, 400, "currency_code must be an ISO 4217 code"],
        [{}, 400, "currency_code"],
        [{ currency_code: "eur", invoice_ids: [] }, 400, "invoice_ids"],
        [{ currency_code: "eur", amount: 1 }, 400, "amount"],
      ]
      for (const [body, status, message] of cases) {
        const response = await payMany(body)
        expect([JSON.stringify(body), response.status]).toEqual([JSON.stringify(body), status])
        expect(response.data.message).toContain(message)
      }
      await api.post("/admin/portal/settings", { allow_payments: false }, adminHeaders)
      const off = await payMany({ currency_code: "eur" })
      expect(off.status).toBeGreaterThanOrEqual(400)
      expect(off.status).toBeLessThan(500)

      expect(fake().requestsTo("POST", "/v1/payment_intents")).toHaveLength(0)
      expect(await batches()).toHaveLength(0)
      expect((await stored(theirs.id)).amount_paid).toBe(0)
    })
  },
})
