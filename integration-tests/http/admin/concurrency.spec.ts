import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { adminHeaders, createAdminUser } from "../../utils/admin"
import { createCustomer } from "../../utils/customer"
import { expectError, portalService, seedDraftInvoice, seedEstimate, seedInvoice } from "../../utils/portal"

jest.setTimeout(120_000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let customer: { id: string }

    beforeEach(async () => {
      await createAdminUser(adminHeaders, getContainer())
      customer = await createCustomer(getContainer())
    })

    const portal = () => portalService(getContainer())
    const send = (id: string) => api.post(`/admin/invoices/${id}/send`, {}, adminHeaders).catch((e) => e.response)
    const pay = (id: string, body: Record<string, unknown>) =>
      api.post(`/admin/invoices/${id}/payments`, body, adminHeaders).catch((e) => e.response)

    it("gives 20 invoices sent at once 20 distinct, consecutive numbers", async () => {
      const drafts: { id: string }[] = []
      for (let i = 0; i < 20; i++) {
        drafts.push(await seedDraftInvoice(getContainer(), customer.id))
      }

      const responses = await Promise.all(drafts.map((d) => send(d.id)))

      expect(responses.map((r) => r.status)).toEqual(Array(20).fill(200))
      const numbers = responses.map((r) => r.data.invoice.display_number).sort()
      const expected = Array.from({ length: 20 }, (_, i) => `INV-${String(i + 1).padStart(4, "0")}`)
      expect(numbers).toEqual(expected)

      const stored = await portal().listPortalInvoices({ id: drafts.map((d) => d.id) })
      expect(stored.map((i) => i.display_number).sort()).toEqual(expected)
      expect(stored.every((i) => i.status === "sent")).toBe(true)
    })

    it("sends one invoice sent twice at once only once, with one number", async () => {
      const draft = await seedDraftInvoice(getContainer(), customer.id)

      const [a, b] = await Promise.all([send(draft.id), send(draft.id)])

      expect([a.status, b.status]).toEqual([200, 200])
      expect(a.data.invoice.display_number).toBe("INV-0001")
      expect(b.data.invoice.display_number).toBe("INV-0001")
      expect((await portal().retrievePortalInvoice(draft.id)).display_number).toBe("INV-0001")

      // The second request was a resend: the counter moved once.
      const next = await seedDraftInvoice(getContainer(), customer.id)
      expect((await send(next.id)).data.invoice.display_number).toBe("INV-0002")
    })

    it("records only one of two simultaneous payments that would each settle the invoice", async () => {
      const sent = await seedInvoice(getContainer(), customer.id, "sent")

      const responses = await Promise.all([
        pay(sent.id, { amount: 59.97, method: "cash" }),
        pay(sent.id, { amount: 59.97, method: "card" }),
      ])

      // The invoice is locked while a payment is recorded: the second one finds it paid.
      const statuses = responses.map((r) => r.status).sort()
      expect(statuses).toEqual([200, 409])
      const refused = responses.find((r) => r.status !== 200)!
      expectError(refused, 409, "already paid")

      const stored = await portal().retrievePortalInvoice(sent.id, { relations: ["payments"] })
      expect(stored.status).toBe("paid")
      expect(Number(stored.amount_paid)).toBe(59.97)
      expect(Number(stored.amount_paid)).toBe(Number(stored.total))
      expect(stored.payments).toHaveLength(1)
    })

    it("never lets simultaneous partial payments add up to more than the total", async () => {
      const sent = await seedInvoice(getContainer(), customer.id, "sent")

      // Five payments of 15 against 59.97: at most three fit (45), a fourth would exceed it.
      const responses = await Promise.all(
        Array.from({ length: 5 }, () => pay(sent.id, { amount: 15, method: "cash" }))
      )

      const accepted = responses.filter((r) => r.status === 200)
      expect(accepted).toHaveLength(3)
      const refused = responses.filter((r) => r.status !== 200)
      expect(refused).toHaveLength(2)
      for (const response of refused) {
        // Each refused payment names what was still open when it came: 14.97 once three are in.
        expectError(response, 400, "amount 15 exceeds the open amount of 14.97 EUR")
      }
      const stored = await portal().retrievePortalInvoice(sent.id, { relations: ["payments"] })
      expect(Number(stored.amount_paid)).toBe(45)
      expect(stored.payments).toHaveLength(3)
      expect(stored.status).toBe("sent")
    })

    it("converts an estimate converted twice at once only once: one invoice, one 409", async () => {
      const estimate = await seedEstimate(getContainer(), customer.id, "accepted")
      const convert = () => api.post(`/admin/estimates/${estimate.id}/convert`, {}, adminHeaders).catch((e) => e.response)

      const responses = await Promise.all([convert(), convert()])

      expect(responses.map((r) => r.status).sort()).toEqual([200, 409])
      const won = responses.find((r) => r.status === 200)!
      expectError(responses.find((r) => r.status === 409), 409, "already")
      const invoices = await portal().listPortalInvoices({}, { withDeleted: true, relations: ["lines"] })
      expect(invoices.map((i) => i.id)).toEqual([won.data.invoice.id])
      expect(invoices[0]).toEqual(expect.objectContaining({ status: "draft", customer_id: customer.id }))
      expect(invoices[0].lines.map((l) => [l.title, Number(l.quantity), Number(l.unit_price)])).toEqual([["Boiler service", 3, 19.99]])
      expect((await portal().retrievePortalEstimate(estimate.id)).invoice_id).toBe(won.data.invoice.id)
    })
  },
})
