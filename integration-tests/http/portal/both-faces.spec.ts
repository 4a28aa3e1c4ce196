import { Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createApiKeysWorkflow } from "@medusajs/medusa/core-flows"
import { createPortalLinkWorkflow } from "../../../src/workflows/access"
import { createCustomer } from "../../utils/customer"
import { portalService, seedEstimate, seedInvoice } from "../../utils/portal"
import { portalSession } from "./helpers"

jest.setTimeout(120_000)

/** The page and the storefront read through one loader each: same records, same logging. */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let customer: { id: string; email: string }
    let page: any
    let store: { headers: Record<string, string> }

    beforeEach(async () => {
      const container = getContainer()
      await portalService(container).updateSettings({ enabled: true, allow_service_history: true })
      customer = (await createCustomer(container, { first_name: "Noor" })) as any
      page = await portalSession(api, container, customer.id)
      const { result: keys } = await createApiKeysWorkflow(container).run({
        input: { api_keys: [{ title: "store", type: "publishable", created_by: "test" }] },
      })
      const { result: link } = await createPortalLinkWorkflow(container).run({ input: { customer_id: customer.id } })
      const token = new URL(link.url).pathname.split("/").pop()
      const { data } = await api.post("/store/portal/auth", { token }, { headers: { "x-publishable-api-key": keys[0].token } })
      store = { headers: { "x-publishable-api-key": keys[0].token, authorization: `Bearer ${data.token}` } }
    })

    const viewsOf = (type: string, subjectId: string) => portalService(getContainer()).listPortalEvents({ type, subject_id: subjectId })

    it("logs an estimate view exactly once per view, on the page and on the storefront", async () => {
      const estimate = await seedEstimate(getContainer(), customer.id, "sent")
      expect((await api.get(`/portal/estimates/${estimate.id}`, page)).status).toBe(200)
      let views = await viewsOf("estimate_viewed", estimate.id)
      expect(views).toHaveLength(1)
      expect(views[0]).toEqual(expect.objectContaining({ customer_id: customer.id, actor: "customer", subject_type: "estimate", data: null }))

      const json = await api.get(`/store/portal/estimates/${estimate.id}`, store)
      expect(json.data.estimate.id).toBe(estimate.id)
      views = await viewsOf("estimate_viewed", estimate.id)
      expect(views).toHaveLength(2)
      expect(views.filter((v) => (v.data as any)?.via === "store")).toHaveLength(1)

      await api.get(`/store/portal/estimates/${estimate.id}`, store)
      await api.get(`/portal/estimates/${estimate.id}`, page)
      expect(await viewsOf("estimate_viewed", estimate.id)).toHaveLength(4)
      // Lists and PDFs are not views of the estimate.
      await api.get("/store/portal/estimates", store)
      await api.get("/portal/estimates", page)
      await api.get(`/store/portal/estimates/${estimate.id}/pdf`, store)
      expect(await viewsOf("estimate_viewed", estimate.id)).toHaveLength(4)
    })

    it("logs nothing for another customer's estimate, on either face", async () => {
      const other = (await createCustomer(getContainer())) as any
      const foreign = await seedEstimate(getContainer(), other.id, "sent")
      expect((await api.get(`/portal/estimates/${foreign.id}`, page)).status).toBe(404)
      expect((await api.get(`/store/portal/estimates/${foreign.id}`, { ...store, validateStatus: () => true })).status).toBe(404)
      expect(await viewsOf("estimate_viewed", foreign.id)).toHaveLength(0)
    })

    it("logs an invoice view exactly once per view, on either face", async () => {
      const invoice = await seedInvoice(getContainer(), customer.id, "sent")
      await api.get(`/portal/invoices/${invoice.id}`, page)
      await api.get(`/store/portal/invoices/${invoice.id}`, store)
      const views = await viewsOf("invoice_viewed", invoice.id)
      expect(views.map((v) => (v.data as any)?.via ?? "page").sort()).toEqual(["page", "store"])
    })

    it("gives the storefront's history kinds and ids, never portal page URLs; the page still links its pages", async () => {
      const [order] = await getContainer()
        .resolve(Modules.ORDER)
        .createOrders([{ currency_code: "eur", customer_id: customer.id, email: customer.email, items: [{ title: "Filter", quantity: 1, unit_price: 30 }] } as any])
      const invoice = await seedInvoice(getContainer(), customer.id, "paid")
      const estimate = await seedEstimate(getContainer(), customer.id, "accepted")

      const json = await api.get("/store/portal/history", store)
      expect(json.status).toBe(200)
      expect(JSON.stringify(json.data)).not.toContain("/portal")
      for (const entry of json.data.history) {
        expect(Object.keys(entry).sort()).toEqual(["amount", "currency_code", "date", "id", "kind", "title"])
      }
      expect(json.data.history.map((e: any) => [e.kind, e.id])).toEqual([
        ["estimate", estimate.id],
        ["invoice", invoice.id],
        ["order", order.id],
      ])
      expect(json.data.history[1]).toEqual(
        expect.objectContaining({ title: `Invoice ${invoice.display_number} paid`, amount: 59.97, currency_code: "eur" })
      )

      const html = (await api.get("/portal/history", page)).data
      expect(html).toContain(`href="/portal/invoices/${invoice.id}"`)
      expect(html).toContain(`href="/portal/estimates/${estimate.id}"`)
      expect(html).toContain(`Order #${order.display_id}`)

      // A section that is off is not linked from the page.
      await portalService(getContainer()).updateSettings({ allow_estimates: false })
      const without = (await api.get("/portal/history", page)).data
      expect(without).not.toContain(`/portal/estimates/${estimate.id}`)
      expect(without).toContain(`Estimate ${estimate.display_number} accepted`)
    })

    it("shows the same summary and customer on the home page as the storefront gets", async () => {
      await seedInvoice(getContainer(), customer.id, "sent")
      await seedEstimate(getContainer(), customer.id, "sent")
      const summary = (await api.get("/store/portal", store)).data
      expect(summary).toEqual({ summary: { balances: [{ currency_code: "eur", open_amount: 59.97, invoice_count: 1, invoice_id: expect.any(String) }], overdue_count: 0, pending_estimates: 1 } })
      const me = (await api.get("/store/portal/me", store)).data
      expect(Object.keys(me.customer).sort()).toEqual(["company_name", "email", "first_name", "id", "last_name", "phone"])
      expect(me.customer).toEqual(expect.objectContaining({ id: customer.id, first_name: "Noor" }))
      const home = (await api.get("/portal", page)).data
      expect(home).toContain("Hello, Noor")
      expect(home).toContain("€59.97")
      expect(home).toMatch(/Estimates waiting for you<\/dt><dd>1</)
    })
  },
})
