import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { ParsedMail } from "mailparser"
import { adminHeaders } from "../../utils/admin"
import { drainEventBus } from "../../utils/drain"
import { invoiceBody, portalService } from "../../utils/portal"
import { csrfFrom, formPost, portalSession } from "../portal/helpers"
import { startPaymentTest, until, usePaymentHarness } from "./harness"

jest.setTimeout(120_000)

/**
 * The receipt names the payment that settled the invoice (as `portal.invoice.paid` carries it),
 * not whichever payment sorts last, and not the invoice total.
 */
const harness = usePaymentHarness()

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let customer: { id: string; email: string }

    beforeEach(async () => {
      customer = await startPaymentTest(harness, getContainer())
    })

    const sentInvoice = async () => {
      const { invoice } = (await api.post("/admin/invoices", invoiceBody(customer.id), adminHeaders)).data
      return (await api.post(`/admin/invoices/${invoice.id}/send`, {}, adminHeaders)).data.invoice
    }
    const recordOffline = (invoiceId: string, body: Record<string, unknown>) =>
      api.post(`/admin/invoices/${invoiceId}/payments`, body, adminHeaders)
    const receipts = () => harness.sink.messages.filter((m: ParsedMail) => /Receipt for invoice/.test(m.subject ?? ""))

    it("names the card payment that settled an invoice partly paid by bank transfer", async () => {
      const invoice = await sentInvoice()
      await recordOffline(invoice.id, { amount: 20, method: "bank_transfer" })

      const session = await portalSession(api, getContainer(), customer.id)
      const page = await api.get(`/portal/invoices/${invoice.id}`, session)
      await api.post(`/portal/invoices/${invoice.id}/pay`, `_csrf=${csrfFrom(page.data)}`, formPost(session))
      const [pi] = [...harness.fake.paymentIntents.values()]
      expect(pi.amount).toBe(3997) // what was still due
      await harness.fake.sendWebhook(api.defaults.baseURL!, harness.fake.succeed(pi.id))
      await until(() => portalService(getContainer()).retrievePortalInvoice(invoice.id), (i) => i.status === "paid")
      await drainEventBus(getContainer())

      expect(receipts()).toHaveLength(1)
      const [receipt] = receipts()
      expect(receipt.text).toMatch(/Amount paid: €39\.97\n/)
      expect(receipt.text).toMatch(/Method: +Card \(online\)\n/)
      expect(receipt.attachments).toHaveLength(1)
      // The receipt's link opens the invoice it is about, not the portal's home page.
      expect(receipt.text).toMatch(new RegExp(`https?://\\S+/portal/invoices/${invoice.id}\\n`))
    })

    it("names the check that settled an invoice, though a cash part payment is dated later", async () => {
      const invoice = await sentInvoice()
      await recordOffline(invoice.id, { amount: 20, method: "cash", paid_at: "2026-11-20T10:00:00.000Z" })
      await drainEventBus(getContainer())
      expect(receipts()).toHaveLength(0) // a part payment brings no receipt

      // The owner enters, after the cash, a check received earlier: it settles the invoice.
      await recordOffline(invoice.id, { amount: 39.97, method: "check", paid_at: "2026-11-10T10:00:00.000Z" })
      await drainEventBus(getContainer())

      expect(receipts()).toHaveLength(1)
      const [receipt] = receipts()
      expect(receipt.text).toMatch(/Amount paid: €39\.97\n/)
      expect(receipt.text).toMatch(/Method: +Check\n/)
      expect(receipt.text).toMatch(/Paid on: +November 10, 2026\n/)
    })
  },
})
