import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { ParsedMail } from "mailparser"
import { adminHeaders } from "../../utils/admin"
import { createCustomer } from "../../utils/customer"
import { drainEventBus } from "../../utils/drain"
import { invoiceBody, portalService } from "../../utils/portal"
import { csrfFrom, formPost, portalSession } from "../portal/helpers"
import { startPaymentTest, until, usePaymentHarness } from "./harness"

jest.setTimeout(120_000)

/**
 * The return page answers at once: paid, or a "Payment processing" page that checks again by
 * reloading itself (meta refresh, no script) until the payment is through, whether the return
 * page itself or Stripe's webhook records it.
 */
const harness = usePaymentHarness()
const REFRESH = /<meta http-equiv="refresh" content="(\d+);url=([^"]+)">/

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let customer: { id: string; email: string }
    let session: any

    beforeEach(async () => {
      customer = await startPaymentTest(harness, getContainer())
      session = await portalSession(api, getContainer(), customer.id)
    })

    /** A sent invoice whose Pay Now made a PaymentIntent the customer's bank is processing. */
    const processingPayment = async () => {
      const { invoice: draft } = (await api.post("/admin/invoices", invoiceBody(customer.id), adminHeaders)).data
      const { invoice } = (await api.post(`/admin/invoices/${draft.id}/send`, {}, adminHeaders)).data
      const page = await api.get(`/portal/invoices/${invoice.id}`, session)
      await api.post(`/portal/invoices/${invoice.id}/pay`, `_csrf=${csrfFrom(page.data)}`, formPost(session))
      const [pi] = [...harness.fake.paymentIntents.values()]
      harness.fake.process(pi.id)
      return { invoice, pi }
    }
    const refreshOf = (html: string) => {
      const match = html.match(REFRESH)
      return match ? { seconds: Number(match[1]), url: match[2].replace(/&amp;/g, "&") } : null
    }
    const invoicePayments = (id: string) => portalService(getContainer()).listPortalInvoicePayments({ invoice_id: id })
    const receipts = () => harness.sink.messages.filter((m: ParsedMail) => /Receipt for invoice/.test(m.subject ?? ""))

    it("shows Payment processing without a script, checks again, and shows Paid once Stripe has taken the money", async () => {
      const { invoice, pi } = await processingPayment()

      const first = await api.get(`/portal/invoices/${invoice.id}/pay/return?payment_intent=${pi.id}&redirect_status=processing`, session)
      expect(first.status).toBe(202)
      expect(first.data).toContain("Payment processing")
      expect(first.data).not.toContain("<script")
      const refresh = refreshOf(first.data)!
      expect(refresh).toEqual({ seconds: 3, url: `/portal/invoices/${invoice.id}/pay/return?check=1` })
      // The no-refresh fallback: the same check as a link.
      expect(first.data).toContain(`href="/portal/invoices/${invoice.id}/pay/return?check=1"`)

      // Still processing: the page keeps checking, less often as time goes by.
      const second = await api.get(refresh.url, session)
      expect(second.status).toBe(202)
      expect(refreshOf(second.data)!.url).toBe(`/portal/invoices/${invoice.id}/pay/return?check=2`)
      expect((await portalService(getContainer()).retrievePortalInvoice(invoice.id)).status).toBe("sent")
      expect(await invoicePayments(invoice.id)).toHaveLength(0)

      // The bank confirms; no webhook has come. The next check finds the payment and records it.
      const succeeded = harness.fake.succeed(pi.id)
      const paid = await api.get(refreshOf(second.data)!.url, session)
      expect(paid.status).toBe(200)
      expect(paid.data).toContain("Thank you: payment received")
      expect(refreshOf(paid.data)).toBeNull()
      expect((await portalService(getContainer()).retrievePortalInvoice(invoice.id)).status).toBe("paid")

      // Stripe's webhook comes afterwards: it changes nothing.
      await harness.fake.sendWebhook(api.defaults.baseURL!, succeeded)
      await drainEventBus(getContainer())
      expect(await invoicePayments(invoice.id)).toEqual([expect.objectContaining({ method: "stripe", amount: 59.97 })])
      expect(receipts()).toHaveLength(1)
    })

    it("shows Paid on the next check when Stripe's webhook recorded the payment meanwhile", async () => {
      const { invoice, pi } = await processingPayment()
      const processing = await api.get(`/portal/invoices/${invoice.id}/pay/return`, session)
      expect(processing.status).toBe(202)
      const next = refreshOf(processing.data)!.url

      await harness.fake.sendWebhook(api.defaults.baseURL!, harness.fake.succeed(pi.id))
      await until(() => portalService(getContainer()).retrievePortalInvoice(invoice.id), (i) => i.status === "paid")

      const paid = await api.get(next, session)
      expect(paid.status).toBe(200)
      expect(paid.data).toContain("Thank you: payment received")
      await drainEventBus(getContainer())
      expect(await invoicePayments(invoice.id)).toHaveLength(1)
      expect(receipts()).toHaveLength(1)
    })

    it("answers another customer's invoice with not found, and processes nothing", async () => {
      const { invoice } = await processingPayment()
      const stranger = (await createCustomer(getContainer())) as any
      const other = await portalSession(api, getContainer(), stranger.id)
      const asked = harness.fake.requests.length
      const response = await api.get(`/portal/invoices/${invoice.id}/pay/return`, other)
      expect(response.status).toBe(404)
      expect(harness.fake.requests.length).toBe(asked) // Stripe was not asked about it

    })
  },
})
