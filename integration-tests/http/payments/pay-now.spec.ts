import { Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { expectLoggedErrors } from "../../utils/quiet-log"
import type { ParsedMail } from "mailparser"
import { createApiKeysWorkflow } from "@medusajs/medusa/core-flows"
import { readPdf } from "../../../src/lib/pdf/__tests__/extract-text"
import { adminHeaders, createAdminUser } from "../../utils/admin"
import { createCustomer } from "../../utils/customer"
import { useFastWebhooks } from "../../utils/fake-stripe/medusa"
import { FakeStripe, startFakeStripe } from "../../utils/fake-stripe/server"
import { invoiceBody, portalService } from "../../utils/portal"
import { SmtpSink, startSmtpSink } from "../../utils/smtp-sink"
import { csrfFrom, formPost, portalSession } from "../portal/helpers"
import { drainEventBus } from "../../utils/drain"
import { until } from "./harness"

jest.setTimeout(120_000)

const ENV: Record<string, string> = {}
const saved: Record<string, string | undefined> = {}
let fake: FakeStripe
let sink: SmtpSink

// Before the runner boots the app (it reads medusa-config.ts in its own beforeAll).
beforeAll(async () => {
  fake = await startFakeStripe({ apiKey: "sk_test_fake", webhookSecret: "whsec_test" })
  sink = await startSmtpSink()
  Object.assign(ENV, {
    STRIPE_API_KEY: "sk_test_fake",
    STRIPE_WEBHOOK_SECRET: "whsec_test",
    STRIPE_API_HOST: fake.host,
    STRIPE_API_PORT: String(fake.port),
    STRIPE_API_TIMEOUT: "1500",
    STRIPE_PUBLISHABLE_KEY: "pk_test_fake",
    SMTP_HOST: "127.0.0.1",
    SMTP_PORT: String(sink.port),
  })
  for (const [key, value] of Object.entries(ENV)) {
    saved[key] = process.env[key]
    process.env[key] = value
  }
})
afterAll(async () => {
  await fake?.stop()
  await sink?.stop()
  for (const key of Object.keys(ENV)) {
    saved[key] === undefined ? delete process.env[key] : (process.env[key] = saved[key])
  }
})

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let customer: { id: string; email: string }
    let session: any

    beforeEach(async () => {
      fake.reset()
      sink.clear()
      useFastWebhooks(getContainer())
      await createAdminUser(adminHeaders, getContainer())
      await portalService(getContainer()).updateSettings({ enabled: true, business_name: "Acme Plumbing" })
      customer = (await createCustomer(getContainer(), { first_name: "Pat" })) as any
      session = await portalSession(api, getContainer(), customer.id)
    })

    const sentInvoice = async () => {
      const { invoice } = (await api.post("/admin/invoices", invoiceBody(customer.id), adminHeaders)).data
      return (await api.post(`/admin/invoices/${invoice.id}/send`, {}, adminHeaders)).data.invoice
    }
    const payNow = async (invoiceId: string) => {
      const page = await api.get(`/portal/invoices/${invoiceId}`, session)
      return api.post(`/portal/invoices/${invoiceId}/pay`, `_csrf=${csrfFrom(page.data)}&amount=0.01`, formPost(session))
    }
    const intentCreates = () => fake.requestsTo("POST", "/v1/payment_intents")
    const clientSecretOf = (page: { data: string }) => page.data.match(/data-client-secret="([^"]+)"/)?.[1]
    /** The PaymentIntents Stripe holds, oldest first. */
    const intents = () => [...fake.paymentIntents.values()]
    const receipts = () => sink.messages.filter((m: ParsedMail) => /Receipt for invoice/.test(m.subject ?? ""))
    const invoicePayments = (id: string) => portalService(getContainer()).listPortalInvoicePayments({ invoice_id: id })

    it("pays an invoice end to end: server amount, signed webhook, Paid, receipt with PDF, owner feed", async () => {
      const invoice = await sentInvoice()
      const page = await api.get(`/portal/invoices/${invoice.id}`, session)
      expect(page.data).toContain("Pay Now")

      const pay = await payNow(invoice.id)
      expect(pay.status).toBe(200)
      expect(pay.headers["content-security-policy"]).toContain("https://js.stripe.com")
      expect(intentCreates()).toHaveLength(1)
      const [pi] = [...fake.paymentIntents.values()]
      expect(pi).toEqual(expect.objectContaining({ amount: 5997, currency: "eur" })) // the server's 59.97, not 0.01
      expect(pay.data).toContain(`data-client-secret="${pi.client_secret}"`)
      expect(pay.data).toContain('data-publishable-key="pk_test_fake"')

      const event = fake.succeed(pi.id)
      const hook = await fake.sendWebhook(api.defaults.baseURL!, event)
      expect(hook.status).toBe(200)

      const paid = await until(() => portalService(getContainer()).retrievePortalInvoice(invoice.id), (i) => i.status === "paid")
      expect(paid).toEqual(expect.objectContaining({ status: "paid", amount_paid: 59.97 }))
      const payments = await invoicePayments(invoice.id)
      expect(payments).toEqual([expect.objectContaining({ method: "stripe", amount: 59.97, payment_id: expect.stringMatching(/^pay_/) })])

      const receipt = await sink.waitFor((m) => /Receipt for invoice/.test(m.subject ?? ""))
      expect(receipt.to && !Array.isArray(receipt.to) && receipt.to.text).toContain(customer.email)
      expect(receipt.attachments).toHaveLength(1)
      expect(receipt.attachments[0].filename).toBe(`${invoice.display_number}.pdf`)
      const pdf = await readPdf(receipt.attachments[0].content)
      expect(pdf.text).toContain("Paid")

      const feed = await until(
        () => getContainer().resolve(Modules.NOTIFICATION).listNotifications({ channel: "feed" }),
        (n) => n.length > 0
      )
      expect(feed[0].data).toEqual(expect.objectContaining({ title: `Invoice ${invoice.display_number} paid` }))
      const events = await portalService(getContainer()).listPortalEvents({ subject_id: invoice.id })
      expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(["payment_started", "payment_recorded"]))

      // Replayed ×5, and the return page afterwards: nothing more happens.
      for (let i = 0; i < 5; i++) {
        await fake.sendWebhook(api.defaults.baseURL!, event)
      }
      const back = await api.get(`/portal/invoices/${invoice.id}/pay/return?redirect_status=succeeded`, session)
      expect(back.data).toContain("Thank you: payment received")
      // Every webhook and subscriber has finished: the counts below are final.
      await drainEventBus(getContainer())
      expect(await invoicePayments(invoice.id)).toHaveLength(1)
      expect(receipts()).toHaveLength(1)
    })

    it("gives 10 concurrent Pay Now clicks one PaymentIntent", async () => {
      const invoice = await sentInvoice()
      const responses = await Promise.all(Array.from({ length: 10 }, () => payNow(invoice.id)))
      expect(responses.map((r) => r.status)).toEqual(Array(10).fill(200))
      expect(intentCreates()).toHaveLength(1)
      const secrets = new Set(responses.map((r) => r.data.match(/data-client-secret="([^"]+)"/)[1]))
      expect(secrets.size).toBe(1)
    })

    it("marks Paid from the return page when it comes before the webhook, once", async () => {
      const invoice = await sentInvoice()
      await payNow(invoice.id)
      const [pi] = [...fake.paymentIntents.values()]
      const event = fake.succeed(pi.id)
      const back = await api.get(`/portal/invoices/${invoice.id}/pay/return?payment_intent=${pi.id}`, session)
      expect(back.status).toBe(200)
      expect(back.data).toContain("Thank you: payment received")
      await fake.sendWebhook(api.defaults.baseURL!, event)
      // Every webhook and subscriber has finished: the counts below are final.
      await drainEventBus(getContainer())
      expect(await invoicePayments(invoice.id)).toHaveLength(1)
      expect(receipts()).toHaveLength(1)
    })

    it("ignores a forged webhook and a return page for an unpaid intent", async () => {
      // Medusa logs the forged webhook. The return page's unpaid intent is an answer, not an error: nothing more is logged.
      expectLoggedErrors(/^An error occurred while processing payment\.webhook_received:/, /constructWebhookEvent: No signatures found matching the expected signature/)
      const invoice = await sentInvoice()
      await payNow(invoice.id)
      const [pi] = [...fake.paymentIntents.values()]
      const forged = fake.webhookEvent("payment_intent.succeeded", { ...pi, status: "succeeded" })
      const hook = await fake.sendWebhook(api.defaults.baseURL!, forged, { secret: "whsec_attacker" })
      expect(hook.status).toBe(200) // Medusa's route acknowledges; the provider's verification drops it
      const back = await api.get(`/portal/invoices/${invoice.id}/pay/return?redirect_status=succeeded`, session)
      expect(back.data).not.toContain("Thank you")
      // Every webhook and subscriber has finished: the counts below are final.
      await drainEventBus(getContainer())
      expect((await portalService(getContainer()).retrievePortalInvoice(invoice.id)).status).toBe("sent")
      expect(await invoicePayments(invoice.id)).toHaveLength(0)
    })

    it("leaves the invoice unpaid when Stripe fails, and lets the customer try again", async () => {
      const invoice = await sentInvoice()
      // The stripe SDK retries once: both attempts fail.
      fake.failNext(500, 2, { method: "POST", path: "/v1/payment_intents" })
      const failed = await payNow(invoice.id)
      expect(failed.status).toBe(502)
      expect(failed.data).toContain("Online payment is unavailable right now")
      expect((await portalService(getContainer()).retrievePortalInvoice(invoice.id)).status).toBe("sent")
      expect(intents()).toEqual([])
      const retry = await payNow(invoice.id)
      expect(retry.status).toBe(200)
      // The retry made the one PaymentIntent there is, and the page carries its client secret.
      expect(intents()).toHaveLength(1)
      expect(clientSecretOf(retry)).toBe(intents()[0].client_secret)
    })

    it("answers a clear message when Stripe times out, and changes nothing", async () => {
      const invoice = await sentInvoice()
      // Every attempt (the SDK retries network errors) hangs past the client timeout (1.5 s here).
      fake.failNext("hang", 20, { method: "POST", path: "/v1/payment_intents" })
      const response = await payNow(invoice.id)
      expect(response.status).toBe(502)
      expect(response.data).toContain("Online payment is unavailable right now")
      expect((await portalService(getContainer()).retrievePortalInvoice(invoice.id)).status).toBe("sent")
      fake.reset()
      const retry = await payNow(invoice.id)
      expect(retry.status).toBe(200)
      expect(intents()).toHaveLength(1)
      expect(clientSecretOf(retry)).toBe(intents()[0].client_secret)
    })

    it("shows Stripe's reason when the payment fails, and keeps the invoice Unpaid", async () => {
      // A refused payment is an answer, not an error: nothing is logged.
      const invoice = await sentInvoice()
      await payNow(invoice.id)
      const [pi] = [...fake.paymentIntents.values()]
      fake.fail(pi.id, "Your card was declined.")
      const back = await api.get(`/portal/invoices/${invoice.id}/pay/return?redirect_status=failed`, session)
      expect(back.status).toBe(402)
      expect(back.data).toContain("Your payment did not go through")
      expect(back.data).toContain("Your card was declined.")
      expect((await portalService(getContainer()).retrievePortalInvoice(invoice.id)).status).toBe("sent")
      // Trying again makes a fresh PaymentIntent with a new client secret; the failed one is canceled,
      // so the old page's client secret cannot charge the card as well.
      const retry = await payNow(invoice.id)
      expect(retry.status).toBe(200)
      const [first, second] = intents()
      expect(intents()).toHaveLength(2)
      expect(first.id).toBe(pi.id)
      expect(first.status).toBe("canceled")
      expect(second.id).not.toBe(pi.id)
      expect(clientSecretOf(retry)).toBe(second.client_secret)
      expect(second.client_secret).not.toBe(first.client_secret)
    })

    it("cancels the open PaymentIntent when the invoice is paid offline", async () => {
      const invoice = await sentInvoice()
      await payNow(invoice.id)
      const [pi] = [...fake.paymentIntents.values()]
      await api.post(`/admin/invoices/${invoice.id}/payments`, { amount: 59.97, method: "bank_transfer" }, adminHeaders)
      expect(fake.paymentIntents.get(pi.id)!.status).toBe("canceled")
      const page = await api.get(`/portal/invoices/${invoice.id}`, session)
      expect(page.data).not.toContain(">Pay Now<")
    })

    it("offers no Pay Now when payments are off, and refuses the request", async () => {
      const invoice = await sentInvoice()
      await portalService(getContainer()).updateSettings({ allow_payments: false })
      const page = await api.get(`/portal/invoices/${invoice.id}`, session)
      expect(page.data).not.toContain(">Pay Now<")
      expect(page.data).toContain("Online payment is not offered")
      // No Pay Now form on the page any more: post it by hand with a valid form token.
      const csrf = csrfFrom((await api.get("/portal/profile", session)).data)
      const response = await api.post(`/portal/invoices/${invoice.id}/pay`, `_csrf=${csrf}`, formPost(session))
      expect(response.status).toBe(403)
      expect(intentCreates()).toHaveLength(0)
    })

    it("creates the storefront payment session from the server's amount only", async () => {
      const invoice = await sentInvoice()
      const { result: keys } = await createApiKeysWorkflow(getContainer()).run({
        input: { api_keys: [{ title: "store", type: "publishable", created_by: "test" }] },
      })
      const link = await api.post(`/admin/customers/${customer.id}/portal-access/link`, {}, adminHeaders)
      const token = new URL(link.data.link.url).pathname.split("/").pop()
      const storeHeaders = { "x-publishable-api-key": keys[0].token }
      const { data } = await api.post("/store/portal/auth", { token }, { headers: storeHeaders })
      const auth = { headers: { ...storeHeaders, authorization: `Bearer ${data.token}` } }

      const tampered = await api
        .post(`/store/portal/invoices/${invoice.id}/payment-session`, { amount: 0.01 }, auth)
        .catch((e) => e.response)
      expect(tampered.status).toBe(400)
      const created = await api.post(`/store/portal/invoices/${invoice.id}/payment-session`, {}, auth)
      expect(created.data.payment_session).toEqual(
        expect.objectContaining({ amount: 59.97, currency_code: "eur", client_secret: expect.stringMatching(/_secret_/) })
      )
    })
  },
})
