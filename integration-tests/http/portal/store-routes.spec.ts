import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createApiKeysWorkflow } from "@medusajs/medusa/core-flows"
import { readPdf } from "../../../src/lib/pdf/__tests__/extract-text"
import { createPortalLinkWorkflow } from "../../../src/workflows/access"
import { createCustomer } from "../../utils/customer"
import { portalService, seedInvoice } from "../../utils/portal"

jest.setTimeout(120_000)

const SENTINEL = "SENTINEL-store-91ad"
const fail = (e: any) => e.response

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let customer: { id: string; email: string }
    let auth: { headers: Record<string, string> }
    let storeHeaders: { headers: Record<string, string> }

    beforeEach(async () => {
      const container = getContainer()
      await portalService(container).updateSettings({ enabled: true, allow_service_history: true })
      const { result: keys } = await createApiKeysWorkflow(container).run({
        input: { api_keys: [{ title: "store", type: "publishable", created_by: "test" }] },
      })
      storeHeaders = { headers: { "x-publishable-api-key": keys[0].token } }
      customer = (await createCustomer(container)) as any
      const { result: link } = await createPortalLinkWorkflow(container).run({ input: { customer_id: customer.id } })
      const token = new URL(link.url).pathname.split("/").pop()
      const { data } = await api.post("/store/portal/auth", { token }, storeHeaders)
      auth = { headers: { ...storeHeaders.headers, authorization: `Bearer ${data.token}` } }
    })

    it("lists and shows the customer's invoices without internal fields", async () => {
      const sent = await seedInvoice(getContainer(), customer.id, "sent", { internal_note: SENTINEL })
      await seedInvoice(getContainer(), customer.id, "draft")
      const list = await api.get("/store/portal/invoices", auth)
      expect(list.data).toEqual(expect.objectContaining({ count: 1, offset: 0, limit: 20 }))
      expect(list.data.invoices[0]).toEqual(
        expect.objectContaining({ id: sent.id, status: "unpaid", status_label: "Unpaid", total: 59.97, open_amount: 59.97 })
      )
      const detail = await api.get(`/store/portal/invoices/${sent.id}`, auth)
      expect(detail.data.invoice.lines).toHaveLength(1)
      expect(JSON.stringify([list.data, detail.data])).not.toContain(SENTINEL)
      expect(JSON.stringify(detail.data)).not.toContain("internal_note")

      const foreign = await seedInvoice(getContainer(), ((await createCustomer(getContainer())) as any).id, "sent")
      expect((await api.get(`/store/portal/invoices/${foreign.id}`, auth).catch(fail)).status).toBe(404)
      expect((await api.get("/store/portal/invoices?status=bogus", auth).catch(fail)).status).toBe(400)
      // A key nested three levels deep: Medusa's query validation alone answers 500.
      const deep = await api.get("/store/portal/estimates?a.b.c=1", auth).catch(fail)
      expect([deep.status, deep.data.type]).toEqual([400, "invalid_data"])
    })

    it("answers 403 for a section that is off and 401 without a session", async () => {
      await portalService(getContainer()).updateSettings({ allow_invoices: false })
      const off = await api.get("/store/portal/invoices", auth).catch(fail)
      expect(off.status).toBe(403)
      expect(off.data.message).toMatch(/Invoices is not available/)
      expect((await api.get("/store/portal/estimates", storeHeaders).catch(fail)).status).toBe(401)
    })

    it("approves an estimate once; the opposite decision is a 409 that names the state", async () => {
      const portal = portalService(getContainer())
      const draft = await portal.createDraftEstimate({
        customer_id: customer.id,
        currency_code: "usd",
        lines: [{ title: "Roof", quantity: 1, unit_price: 900 }],
      })
      await portal.sendEstimate(draft.id)
      const approved = await api.post(`/store/portal/estimates/${draft.id}/accept`, {}, auth)
      expect(approved.data.estimate).toEqual(expect.objectContaining({ status: "accepted", status_label: "Accepted" }))
      expect((await api.post(`/store/portal/estimates/${draft.id}/accept`, {}, auth)).status).toBe(200)
      const opposite = await api.post(`/store/portal/estimates/${draft.id}/reject`, { note: "no" }, auth).catch(fail)
      expect(opposite.status).toBe(409)
      expect(opposite.data.message).toMatch(/already accepted/)
      const pdf = await api.get(`/store/portal/estimates/${draft.id}/pdf`, { ...auth, responseType: "arraybuffer" })
      expect(pdf.headers["content-type"]).toBe("application/pdf")
      const text = (await readPdf(Buffer.from(pdf.data))).text
      expect(approved.data.estimate.number).toMatch(/^EST-\d{4}$/)
      expect(text).toContain(`Estimate ${approved.data.estimate.number}`)
      expect(text).toContain("Accepted")
      expect(text).toMatch(/Roof\s+1\s+\$900\.00/)
      expect(text).toMatch(/Subtotal\s+\$900\.00/)
      expect(text).toMatch(/Total\s+\$900\.00/)
      const tampered = await api
        .post(`/store/portal/estimates/${draft.id}/accept`, { status: "accepted", total: 1 }, auth)
        .catch(fail)
      expect(tampered.status).toBe(400)
    })

    it("updates the profile and refuses bad fields with their names", async () => {
      const bad = await api.post("/store/portal/profile", { first_name: "A", phone: "nope" }, auth).catch(fail)
      expect(bad.status).toBe(400)
      expect(bad.data.message).toMatch(/phone/i)
      const good = await api.post(
        "/store/portal/profile",
        { first_name: "Ada", phone: "+44 20 7946 0000", address_1: "1 Way", city: "London", country_code: "gb" },
        auth
      )
      expect(good.data.customer).toEqual(
        expect.objectContaining({ first_name: "Ada", phone: "+44 20 7946 0000", address: expect.objectContaining({ city: "London" }) })
      )
      const email = await api.post("/store/portal/profile", { first_name: "Ada", email: "x@y.z" }, auth).catch(fail)
      expect(email.status).toBe(400)
    })

    it("serves the summary and the history", async () => {
      const sent = await seedInvoice(getContainer(), customer.id, "sent")
      const summary = await api.get("/store/portal", auth)
      expect(summary.data.summary).toEqual({ balances: [{ currency_code: "eur", open_amount: 59.97, invoice_count: 1, invoice_id: sent.id }], overdue_count: 0, pending_estimates: 0 })
      const paid = await seedInvoice(getContainer(), customer.id, "paid")
      const history = await api.get("/store/portal/history", auth)
      expect(history.data.history.map((h: any) => h.id)).toEqual([paid.id])
    })
  },
})
