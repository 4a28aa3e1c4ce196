import { createApiKeysWorkflow } from "@medusajs/medusa/core-flows"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createPortalLinkWorkflow } from "../../../src/workflows/access"
import { recordCapturedDepositWorkflow } from "../../../src/workflows/deposits"
import { adminHeaders } from "../../utils/admin"
import { drainEventBus } from "../../utils/drain"
import { estimateBody, portalService } from "../../utils/portal"
import { csrfFrom, formPost, portalSession } from "../portal/helpers"
import { startPaymentTest, until, usePaymentHarness } from "./harness"

jest.setTimeout(180_000)

/*
 * Issue #15, item 2: the owner asks for a deposit on an estimate (percent or amount); after
 * Approve the customer pays it with Pay deposit (amount from the server, through Medusa's Payment
 * Module and Stripe's webhook); on conversion the deposit becomes a payment on the invoice.
 */
const harness = usePaymentHarness()

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let customer: { id: string; email: string }
    let session: any
    let auth: { headers: Record<string, string> }

    beforeEach(async () => {
      const container = getContainer()
      customer = await startPaymentTest(harness, container)
      session = await portalSession(api, container, customer.id)
      const { result: keys } = await createApiKeysWorkflow(container).run({
        input: { api_keys: [{ title: "store", type: "publishable", created_by: "test" }] },
      })
      const storeHeaders = { "x-publishable-api-key": keys[0].token }
      const { result: link } = await createPortalLinkWorkflow(container).run({ input: { customer_id: customer.id } })
      const { data } = await api.post("/store/portal/auth", { token: new URL(link.url).pathname.split("/").pop() }, { headers: storeHeaders })
      auth = { headers: { ...storeHeaders, authorization: `Bearer ${data.token}` } }
    })

    const fake = () => harness.fake
    const fail = (e: any) => e.response
    const intents = () => [...fake().paymentIntents.values()]
    const newestIntent = () => intents()[intents().length - 1]
    const stored = (id: string) => portalService(getContainer()).retrievePortalEstimate(id)
    const setDeposit = (id: string, body: Record<string, unknown>) =>
      api.post(`/admin/estimates/${id}/deposit`, body, adminHeaders).catch(fail)
    /** A sent estimate of 59.97 EUR asking for `deposit`, approved by the customer. */
    const approvedEstimate = async (deposit: Record<string, unknown> = { type: "percent", value: 25 }) => {
      const { estimate } = (await api.post("/admin/estimates", estimateBody(customer.id), adminHeaders)).data
      expect((await setDeposit(estimate.id, deposit)).status).toBe(200)
      await api.post(`/admin/estimates/${estimate.id}/send`, {}, adminHeaders)
      expect((await api.post(`/store/portal/estimates/${estimate.id}/accept`, {}, auth)).status).toBe(200)
      return estimate as { id: string }
    }
    const payDeposit = async (id: string) => {
      const page = await api.get(`/portal/estimates/${id}`, session)
      return api.post(`/portal/estimates/${id}/deposit`, `_csrf=${csrfFrom(page.data)}`, formPost(session)).catch(fail)
    }
    const depositCollection = async (id: string) => {
      const { data } = await getContainer()
        .resolve(ContainerRegistrationKeys.QUERY)
        .graph({ entity: "portal_estimate", fields: ["payment_collection.id", "payment_collection.status"], filters: { id } })
      return (data[0] as any)?.payment_collection
    }
    const stripeNetCents = () => [...fake().charges.values()].reduce((s, c) => s + c.amount_captured - c.amount_refunded, 0)

    it("asks for the deposit after Approve, takes it through Stripe once, and carries it to the invoice as a payment", async () => {
      const { estimate: draft } = (await api.post("/admin/estimates", estimateBody(customer.id), adminHeaders)).data
      const set = await setDeposit(draft.id, { type: "percent", value: 25 })
      // 59.97 × 25 % = 14.9925 → 14.99, computed by the server.
      expect(set.data.estimate).toEqual(expect.objectContaining({ deposit_type: "percent", deposit_value: 25, deposit_amount: 14.99 }))
      await api.post(`/admin/estimates/${draft.id}/send`, {}, adminHeaders)

      // Pending: the customer is told, but cannot pay yet.
      const pending = await api.get(`/portal/estimates/${draft.id}`, session)
      expect(pending.data).toContain("Once you approve this estimate, you will be asked for a deposit of €14.99")
      expect(pending.data).not.toContain("Pay deposit")
      // Medusa answers its NOT_ALLOWED with 400, as for an invoice with nothing to pay.
      expect((await api.post(`/store/portal/estimates/${draft.id}/deposit-session`, {}, auth).catch(fail)).status).toBe(400)

      expect((await api.post(`/store/portal/estimates/${draft.id}/accept`, {}, auth)).status).toBe(200)
      const json = (await api.get(`/store/portal/estimates/${draft.id}`, auth)).data.estimate
      expect(json.deposit).toEqual({ amount: 14.99, paid: 0, due: 14.99, is_paid: false })
      expect(JSON.stringify(json)).not.toContain("deposit_value")

      const approved = await api.get(`/portal/estimates/${draft.id}`, session)
      expect(approved.data).toContain("Pay deposit €14.99")
      const pay = await payDeposit(draft.id)
      expect(pay.status).toBe(200)
      expect(newestIntent()).toEqual(expect.objectContaining({ amount: 1499, currency: "eur" }))
      expect(pay.data).toContain(`data-client-secret="${newestIntent().client_secret}"`)
      // A reload gets the same PaymentIntent.
      expect((await payDeposit(draft.id)).status).toBe(200)
      expect(intents()).toHaveLength(1)

      const succeeded = fake().succeed(newestIntent().id)
      await fake().sendWebhook(api.defaults.baseURL!, succeeded)
      const paid = await until(() => stored(draft.id), (e) => Number(e.deposit_paid) === 14.99)
      expect(paid).toEqual(expect.objectContaining({ deposit_paid: 14.99, deposit_payment_id: expect.stringMatching(/^pay_/) }))
      await drainEventBus(getContainer())
      const receipts = () => harness.sink.messages.filter((m) => /Receipt for your deposit on estimate/.test(m.subject ?? ""))
      await until(async () => receipts().length, (n) => n > 0)
      expect(receipts()).toHaveLength(1)
      expect(receipts()[0].text).toMatch(/Deposit paid: +€14\.99\n/)

      // A replayed webhook changes nothing: no second record, no refund, no second receipt.
      for (let i = 0; i < 3; i++) {
        await fake().sendWebhook(api.defaults.baseURL!, succeeded)
      }
      await drainEventBus(getContainer())
      await recordCapturedDepositWorkflow(getContainer()).run({ input: { payment_id: paid.deposit_payment_id! } })
      expect(await stored(draft.id)).toEqual(expect.objectContaining({ deposit_paid: 14.99, deposit_payment_id: paid.deposit_payment_id }))
      expect(stripeNetCents()).toBe(1499)
      expect(receipts()).toHaveLength(1)
      expect(await portalService(getContainer()).listPortalEvents({ subject_id: draft.id, type: "deposit_paid" })).toHaveLength(1)

      const after = (await api.get(`/store/portal/estimates/${draft.id}`, auth)).data.estimate
      expect(after.deposit).toEqual({ amount: 14.99, paid: 14.99, due: 0, is_paid: true })
      const page = await api.get(`/portal/estimates/${draft.id}`, session)
      expect(page.data).toContain("your deposit is paid")
      expect(page.data).not.toContain("Pay deposit")
      const again = await api.post(`/store/portal/estimates/${draft.id}/deposit-session`, {}, auth).catch(fail)
      expect([again.status, again.data.message]).toEqual([400, expect.stringContaining("has no deposit to pay")])

      // Conversion: the deposit is a payment on the invoice; once sent it is Partially paid.
      const converted = await api.post(`/admin/estimates/${draft.id}/convert`, {}, adminHeaders)
      const invoiceId = converted.data.invoice.id
      expect(converted.data.invoice).toEqual(expect.objectContaining({ status: "draft", amount_paid: 14.99 }))
      // The draft cannot be cut below what the deposit already paid.
      const cut = await api
        .post(`/admin/invoices/${invoiceId}`, { lines: [{ title: "Less", quantity: 1, unit_price: 10 }] }, adminHeaders)
        .catch(fail)
      expect([cut.status, cut.data.message]).toEqual([400, expect.stringContaining("already paid on this invoice (the estimate's deposit)")])
      await api.post(`/admin/invoices/${invoiceId}/send`, {}, adminHeaders)
      const invoice = await portalService(getContainer()).retrievePortalInvoice(invoiceId, { relations: ["payments"] })
      expect(invoice).toEqual(expect.objectContaining({ status: "sent", amount_paid: 14.99 }))
      expect(invoice.payments).toEqual([
        expect.objectContaining({ amount: 14.99, method: "stripe", payment_id: paid.deposit_payment_id }),
      ])
      const admin = (await api.get(`/admin/invoices/${invoiceId}`, adminHeaders)).data.invoice
      expect(admin).toEqual(expect.objectContaining({ display_status: "partially_paid", amount_paid: 14.99, open_amount: 44.98 }))
      const invoicePage = await api.get(`/portal/invoices/${invoiceId}`, session)
      expect(invoicePage.data).toContain('class="badge badge-partially_paid">Partially paid<')
      expect(invoicePage.data).toMatch(/Amount due<\/span>\s*<span class="due-amount">€44\.98/)

      // The rest through the invoice's Pay Now: Stripe holds exactly the total.
      const rest = await api
        .post(`/portal/invoices/${invoiceId}/pay`, `_csrf=${csrfFrom(invoicePage.data)}`, formPost(session))
        .catch(fail)
      expect(rest.status).toBe(200)
      expect(newestIntent()).toEqual(expect.objectContaining({ amount: 4498 }))
      await fake().sendWebhook(api.defaults.baseURL!, fake().succeed(newestIntent().id))
      await until(() => portalService(getContainer()).retrievePortalInvoice(invoiceId), (i) => i.status === "paid")
      await drainEventBus(getContainer())
      expect(stripeNetCents()).toBe(5997)
    })

    it("cancels an unpaid deposit's PaymentIntent on conversion; a deposit paid meanwhile is refunded in full", async () => {
      const estimate = await approvedEstimate({ type: "amount", value: 20 })
      expect((await payDeposit(estimate.id)).status).toBe(200)
      const first = newestIntent()
      expect(first.amount).toBe(2000)

      // Converted before the customer paid: the intent is canceled, the collection too.
      const other = await approvedEstimate({ type: "amount", value: 10 })
      expect((await payDeposit(other.id)).status).toBe(200)
      const open = newestIntent()
      expect((await api.post(`/admin/estimates/${other.id}/convert`, {}, adminHeaders)).status).toBe(200)
      expect(fake().paymentIntents.get(open.id)!.status).toBe("canceled")
      expect((await depositCollection(other.id)).status).toBe("canceled")
      expect((await api.get(`/store/portal/estimates/${other.id}`, auth)).data.estimate.deposit).toEqual(
        expect.objectContaining({ paid: 0, due: 0 })
      )

      // Paid at Stripe, but converted before the webhook came: nothing is recorded, it all goes back.
      const succeeded = fake().succeed(first.id)
      const converted = await api.post(`/admin/estimates/${estimate.id}/convert`, {}, adminHeaders)
      expect(converted.data.invoice.amount_paid).toBe(0)
      // The customer back from Stripe is told the truth, not "your bank is still confirming".
      const back = await api.get(`/portal/estimates/${estimate.id}/deposit/return?redirect_status=succeeded`, session).catch(fail)
      expect(back.status).toBe(409)
      expect(back.data).toContain("Your deposit was not taken")
      expect(back.data).toContain("is refunded")
      await fake().sendWebhook(api.defaults.baseURL!, succeeded)
      await until(async () => stripeNetCents(), (cents) => cents === 0)
      await drainEventBus(getContainer())
      expect(stripeNetCents()).toBe(0)
      expect(await stored(estimate.id)).toEqual(expect.objectContaining({ deposit_paid: 0, deposit_payment_id: null }))
      expect(await portalService(getContainer()).listPortalEvents({ subject_id: estimate.id, type: "payment_refunded" })).toEqual([
        expect.objectContaining({ data: expect.objectContaining({ refunded: 20, captured: 20, recorded: 0 }) }),
      ])
      // A replay refunds nothing more.
      await fake().sendWebhook(api.defaults.baseURL!, succeeded)
      await drainEventBus(getContainer())
      expect(fake().requestsTo("POST", "/v1/refunds")).toHaveLength(1)
    })

    it("records the deposit from the return page at once; the webhook after it changes nothing; a 100 % deposit sends the invoice as paid", async () => {
      const estimate = await approvedEstimate({ type: "percent", value: 100 })
      expect((await payDeposit(estimate.id)).status).toBe(200)
      expect(newestIntent().amount).toBe(5997)
      const succeeded = fake().succeed(newestIntent().id)
      const back = await api.get(`/portal/estimates/${estimate.id}/deposit/return?redirect_status=succeeded`, session).catch(fail)
      expect(back.status).toBe(200)
      expect(back.data).toContain("Thank you: deposit received")
      const paid = await stored(estimate.id)
      expect(paid).toEqual(expect.objectContaining({ deposit_paid: 59.97, deposit_payment_id: expect.stringMatching(/^pay_/) }))
      await fake().sendWebhook(api.defaults.baseURL!, succeeded)
      await drainEventBus(getContainer())
      expect(await stored(estimate.id)).toEqual(expect.objectContaining({ deposit_paid: 59.97, deposit_payment_id: paid.deposit_payment_id }))
      expect(stripeNetCents()).toBe(5997)
      expect(await portalService(getContainer()).listPortalEvents({ subject_id: estimate.id, type: "deposit_paid" })).toHaveLength(1)
      // A missing estimate is not found.
      expect((await api.get(`/portal/estimates/est_missing/deposit/return`, session).catch(fail)).status).toBe(404)

      // The deposit covered it all: the converted invoice is sent as paid, with nothing to pay.
      const { invoice } = (await api.post(`/admin/estimates/${estimate.id}/convert`, {}, adminHeaders)).data
      const sent = (await api.post(`/admin/invoices/${invoice.id}/send`, {}, adminHeaders)).data.invoice
      expect(sent).toEqual(expect.objectContaining({ status: "paid", amount_paid: 59.97, open_amount: 0 }))
    })

    it("keeps a paid deposit: the draft invoice holding it cannot be deleted (the estimate could not be converted again)", async () => {
      const estimate = await approvedEstimate({ type: "amount", value: 20 })
      expect((await payDeposit(estimate.id)).status).toBe(200)
      await fake().sendWebhook(api.defaults.baseURL!, fake().succeed(newestIntent().id))
      const paid = await until(() => stored(estimate.id), (e) => Number(e.deposit_paid) === 20)
      const { invoice } = (await api.post(`/admin/estimates/${estimate.id}/convert`, {}, adminHeaders)).data
      expect(invoice.amount_paid).toBe(20)

      const deleted = await api.delete(`/admin/invoices/${invoice.id}`, adminHeaders).catch(fail)
      expect([deleted.status, deleted.data.message]).toEqual([409, expect.stringContaining("already paid on it")])
      const kept = await portalService(getContainer()).retrievePortalInvoice(invoice.id, { relations: ["payments"] })
      expect(kept).toEqual(expect.objectContaining({ status: "draft", amount_paid: 20 }))
      expect(kept.payments).toEqual([expect.objectContaining({ amount: 20, payment_id: paid.deposit_payment_id })])
      // A draft with nothing paid on it is still deleted as before.
      const plain = await approvedEstimate({ type: "amount", value: 5 })
      const other = (await api.post(`/admin/estimates/${plain.id}/convert`, {}, adminHeaders)).data.invoice
      expect((await api.delete(`/admin/invoices/${other.id}`, adminHeaders)).status).toBe(200)
      await drainEventBus(getContainer())
    })

    it("keeps a paid deposit with its customer and currency: the converted draft cannot move to another of either", async () => {
      const estimate = await approvedEstimate({ type: "amount", value: 20 })
      expect((await payDeposit(estimate.id)).status).toBe(200)
      await fake().sendWebhook(api.defaults.baseURL!, fake().succeed(newestIntent().id))
      await until(() => stored(estimate.id), (e) => Number(e.deposit_paid) === 20)
      const { invoice } = (await api.post(`/admin/estimates/${estimate.id}/convert`, {}, adminHeaders)).data
      const [someoneElse] = await getContainer()
        .resolve(Modules.CUSTOMER)
        .createCustomers([{ email: "someone-else@example.test", first_name: "Someone" }])
      for (const [body, message] of [
        [{ currency_code: "usd" }, "currency"],
        [{ customer_id: someoneElse.id }, "customer"],
      ] as const) {
        const moved = await api.post(`/admin/invoices/${invoice.id}`, body, adminHeaders).catch(fail)
        expect([moved.status, moved.data.message]).toEqual([400, expect.stringMatching(new RegExp(`already paid.*${message}|${message}.*already paid`))])
      }
      expect(await portalService(getContainer()).retrievePortalInvoice(invoice.id)).toEqual(
        expect.objectContaining({ customer_id: customer.id, currency_code: "eur", amount_paid: 20 })
      )
      // Other edits of the draft go on as before.
      expect((await api.post(`/admin/invoices/${invoice.id}`, { notes: "Thanks", currency_code: "EUR" }, adminHeaders).catch(fail)).status).toBe(200)
      await drainEventBus(getContainer())
    })

    it("carries the deposit asked to a revision of a rejected estimate", async () => {
      const { estimate } = (await api.post("/admin/estimates", estimateBody(customer.id), adminHeaders)).data
      expect((await setDeposit(estimate.id, { type: "percent", value: 30 })).status).toBe(200)
      await api.post(`/admin/estimates/${estimate.id}/send`, {}, adminHeaders)
      expect((await api.post(`/store/portal/estimates/${estimate.id}/reject`, {}, auth)).status).toBe(200)
      const revised = await api.post(`/admin/estimates/${estimate.id}/revise`, {}, adminHeaders).catch(fail)
      expect(revised.status).toBe(201)
      const id = revised.data.estimate.id
      expect(await stored(id)).toEqual(expect.objectContaining({ deposit_type: "percent", deposit_value: 30 }))
      await drainEventBus(getContainer())
    })

    it("conversion racing the capture webhook: the deposit ends on the invoice exactly once, or is refunded", async () => {
      for (let round = 0; round < 3; round++) {
        const estimate = await approvedEstimate({ type: "amount", value: 20 })
        expect((await payDeposit(estimate.id)).status).toBe(200)
        const intent = newestIntent()
        const succeeded = fake().succeed(intent.id)
        const [converted] = await Promise.all([
          api.post(`/admin/estimates/${estimate.id}/convert`, {}, adminHeaders),
          fake().sendWebhook(api.defaults.baseURL!, succeeded),
        ])
        const invoiceId = converted.data.invoice.id
        const charge = [...fake().charges.values()].find((c) => c.payment_intent === intent.id)!
        const settled = async () => {
          await drainEventBus(getContainer())
          const invoice = await portalService(getContainer()).retrievePortalInvoice(invoiceId, { relations: ["payments"] })
          return { kept: charge.amount_captured - charge.amount_refunded, invoice }
        }
        // Stripe keeps exactly what the invoice counts as paid: 20 on it, or 0 refunded.
        const end = await until(settled, ({ kept, invoice }) => kept === Number(invoice.amount_paid) * 100)
        expect([0, 2000]).toContain(end.kept)
        expect(end.invoice.payments).toHaveLength(end.kept ? 1 : 0)
        await fake().sendWebhook(api.defaults.baseURL!, succeeded)
        const again = await settled()
        expect([again.kept, Number(again.invoice.amount_paid), again.invoice.payments.length]).toEqual([end.kept, end.kept / 100, end.kept ? 1 : 0])
      }
    })

    it("concurrent Pay deposit clicks open one PaymentIntent; reloading the return page records nothing more", async () => {
      const estimate = await approvedEstimate({ type: "amount", value: 20 })
      const clicks = await Promise.all(
        [0, 1, 2].map(() => api.post(`/store/portal/estimates/${estimate.id}/deposit-session`, {}, auth).catch(fail))
      )
      expect(clicks.map((c) => c.status)).toEqual([200, 200, 200])
      expect(new Set(clicks.map((c) => c.data.payment_session.id)).size).toBe(1)
      expect(intents()).toHaveLength(1)
      expect(clicks[0].data.payment_session).toEqual(expect.objectContaining({ amount: 20, currency_code: "eur" }))
      const succeeded = fake().succeed(newestIntent().id)
      for (let i = 0; i < 2; i++) {
        const back = await api.get(`/portal/estimates/${estimate.id}/deposit/return?redirect_status=succeeded`, session).catch(fail)
        expect(back.status).toBe(200)
      }
      await fake().sendWebhook(api.defaults.baseURL!, succeeded)
      await drainEventBus(getContainer())
      expect(await stored(estimate.id)).toEqual(expect.objectContaining({ deposit_paid: 20 }))
      expect(stripeNetCents()).toBe(2000)
      expect(fake().requestsTo("POST", "/v1/refunds")).toHaveLength(0)
    })

    it("lets the owner set the deposit only before the decision, within the total, and says what to enter", async () => {
      const { estimate } = (await api.post("/admin/estimates", estimateBody(customer.id), adminHeaders)).data
      for (const [body, message] of [
        [{ type: "percent", value: 0 }, "value must be greater than 0"],
        [{ type: "percent", value: 101 }, "value must be at most 100"],
        [{ type: "amount", value: 60 }, "more than the estimate's total of 59.97 EUR"],
        [{ type: "amount", value: "1.001" }, "more than 2 decimal places"],
        [{ type: "half", value: 1 }, "type"],
        [{ value: 1 }, "type"],
        [{ type: "amount", value: 1, extra: true }, "extra"],
      ] as const) {
        const response = await setDeposit(estimate.id, body)
        expect([response.status, response.data.message]).toEqual([400, expect.stringContaining(message)])
      }
      expect(await stored(estimate.id)).toEqual(expect.objectContaining({ deposit_type: null, deposit_value: null }))
      expect((await setDeposit(estimate.id, { type: "amount", value: "12.50" })).data.estimate.deposit_amount).toBe(12.5)
      expect((await setDeposit(estimate.id, { type: null })).data.estimate).toEqual(
        expect.objectContaining({ deposit_type: null, deposit_amount: 0 })
      )
      const accepted = await approvedEstimate()
      const late = await setDeposit(accepted.id, { type: "percent", value: 50 })
      expect([late.status, late.data.message]).toEqual([409, expect.stringContaining("only be set before the customer decides")])
      expect((await setDeposit("est_missing", { type: null })).status).toBe(404)
      // The estimate's collection is payable through the portal only.
      await payDeposit(accepted.id)
      const collection = await depositCollection(accepted.id)
      const core = await api
        .post(`/store/payment-collections/${collection.id}/payment-sessions`, { provider_id: "pp_stripe_stripe" }, { headers: { "x-publishable-api-key": auth.headers["x-publishable-api-key"] } })
        .catch(fail)
      expect([core.status, core.data.message]).toEqual([403, expect.stringContaining("estimate's deposit")])
    })
  },
})
