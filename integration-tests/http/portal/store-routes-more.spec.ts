import { Modules } from "@medusajs/framework/utils"
import { createApiKeysWorkflow } from "@medusajs/medusa/core-flows"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { readPdf } from "../../../src/lib/pdf/__tests__/extract-text"
import { createPortalLinkWorkflow } from "../../../src/workflows/access"
import { createCustomer } from "../../utils/customer"
import { drainEventBus } from "../../utils/drain"
import { FUTURE, portalService, seedEstimate, seedInvoice } from "../../utils/portal"
import { csrfFrom, formPost, portalSession } from "./helpers"

jest.setTimeout(120_000)

const SENTINEL = "SENTINEL-store-more-5e21"
const fail = (e: any) => e.response

/**
 * Storefront routes (and two portal-page routes) that store-routes.spec.ts does not cover: the
 * estimate list and detail, a successful reject, the invoice PDF, the profile as read back, the
 * estimate PDF from the portal page, and ten opposite decisions racing on one estimate.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let customer: { id: string; email: string }
    let auth: { headers: Record<string, string> }

    const portal = () => portalService(getContainer())
    const feed = () => getContainer().resolve(Modules.NOTIFICATION).listNotifications({ channel: "feed" })

    beforeEach(async () => {
      const container = getContainer()
      await portal().updateSettings({ enabled: true })
      const { result: keys } = await createApiKeysWorkflow(container).run({
        input: { api_keys: [{ title: "store", type: "publishable", created_by: "test" }] },
      })
      const storeHeaders = { "x-publishable-api-key": keys[0].token }
      customer = (await createCustomer(container, { first_name: "Jane", last_name: "Doe" })) as any
      const { result: link } = await createPortalLinkWorkflow(container).run({ input: { customer_id: customer.id } })
      const token = new URL(link.url).pathname.split("/").pop()
      const { data } = await api.post("/store/portal/auth", { token }, { headers: storeHeaders })
      auth = { headers: { ...storeHeaders, authorization: `Bearer ${data.token}` } }
    })

    describe("GET /store/portal/estimates", () => {
      it("lists the customer's sent and decided estimates, newest first; no drafts, no one else's", async () => {
        const older = await seedEstimate(getContainer(), customer.id, "accepted", { issue_date: new Date("2030-01-01") })
        const middle = await seedEstimate(getContainer(), customer.id, "rejected", { issue_date: new Date("2030-02-01") })
        const newest = await seedEstimate(getContainer(), customer.id, "sent", {
          issue_date: new Date("2030-03-01"),
          valid_until: new Date(FUTURE),
        })
        await seedEstimate(getContainer(), customer.id, "draft")
        const other = (await createCustomer(getContainer())) as any
        await seedEstimate(getContainer(), other.id, "sent")

        const list = await api.get("/store/portal/estimates", auth)

        expect(list.status).toBe(200)
        expect({ count: list.data.count, offset: list.data.offset, limit: list.data.limit }).toEqual({ count: 3, offset: 0, limit: 20 })
        expect(list.data.estimates.map((e: any) => [e.id, e.number, e.status, e.status_label, e.can_decide])).toEqual([
          [newest.id, newest.display_number, "pending", "Pending", true],
          [middle.id, middle.display_number, "rejected", "Rejected", false],
          [older.id, older.display_number, "accepted", "Accepted", false],
        ])
        expect(list.data.estimates[0]).toEqual(
          expect.objectContaining({ currency_code: "eur", subtotal: 59.97, tax_total: 0, total: 59.97, is_expired: false })
        )
        // A list row has no lines.
        expect(list.data.estimates[0].lines).toBeUndefined()

        const pending = await api.get("/store/portal/estimates?status=pending", auth)
        expect(pending.data.estimates.map((e: any) => e.id)).toEqual([newest.id])
        expect(pending.data.count).toBe(1)
        const paged = await api.get("/store/portal/estimates?limit=1&offset=1", auth)
        expect(paged.data).toEqual(expect.objectContaining({ count: 3, offset: 1, limit: 1 }))
        expect(paged.data.estimates.map((e: any) => e.id)).toEqual([middle.id])
      })
    })

    describe("GET /store/portal/estimates/:id", () => {
      it("shows an estimate with its lines and nothing internal; 404 for a draft or another customer's", async () => {
        const estimate = await seedEstimate(getContainer(), customer.id, "sent", {
          internal_note: SENTINEL,
          notes: "Parts on order",
          valid_until: new Date(FUTURE),
          lines: [
            { title: "Boiler service", quantity: 3, unit_price: 19.99 },
            { title: "Expansion vessel", quantity: 1, unit_price: 100, tax_rate: 20 },
          ],
        })

        const detail = await api.get(`/store/portal/estimates/${estimate.id}`, auth)

        expect(detail.status).toBe(200)
        expect(detail.data.estimate).toEqual(
          expect.objectContaining({
            id: estimate.id,
            number: estimate.display_number,
            status: "pending",
            status_label: "Pending",
            can_decide: true,
            notes: "Parts on order",
            subtotal: 159.97,
            tax_total: 20,
            total: 179.97,
            decided_at: null,
            decision_note: null,
          })
        )
        expect(
          detail.data.estimate.lines.map((l: any) => [l.title, Number(l.quantity), Number(l.unit_price), Number(l.total)])
        ).toEqual([
          ["Boiler service", 3, 19.99, 59.97],
          ["Expansion vessel", 1, 100, 120],
        ])
        expect(JSON.stringify(detail.data)).not.toContain(SENTINEL)
        expect(JSON.stringify(detail.data)).not.toContain("internal_note")
        expect(JSON.stringify(detail.data)).not.toContain("customer_id")

        const draft = await seedEstimate(getContainer(), customer.id, "draft")
        const foreign = await seedEstimate(getContainer(), ((await createCustomer(getContainer())) as any).id, "sent")
        for (const id of [draft.id, foreign.id, "est_01DOESNOTEXIST"]) {
          const missing = await api.get(`/store/portal/estimates/${id}`, auth).catch(fail)
          expect({ id, status: missing.status, message: missing.data.message }).toEqual({
            id,
            status: 404,
            message: `Estimate with id "${id}" was not found`,
          })
        }
      })
    })

    describe("POST /store/portal/estimates/:id/reject", () => {
      it("rejects with the customer's note, logs it once and tells the owner once", async () => {
        const estimate = await seedEstimate(getContainer(), customer.id, "sent", { valid_until: new Date(FUTURE) })

        const rejected = await api.post(`/store/portal/estimates/${estimate.id}/reject`, { note: "Too expensive" }, auth)

        expect(rejected.status).toBe(200)
        expect(rejected.data.estimate).toEqual(
          expect.objectContaining({
            id: estimate.id,
            status: "rejected",
            status_label: "Rejected",
            can_decide: false,
            decision_note: "Too expensive",
            decided_at: expect.any(String),
          })
        )
        expect(await portal().retrievePortalEstimate(estimate.id)).toEqual(
          expect.objectContaining({ status: "rejected", decision_note: "Too expensive", decided_at: expect.any(Date) })
        )
        // Repeating the same decision answers it again and changes nothing.
        const again = await api.post(`/store/portal/estimates/${estimate.id}/reject`, { note: "Still no" }, auth)
        expect(again.status).toBe(200)
        expect(again.data.estimate.decision_note).toBe("Too expensive")

        await drainEventBus(getContainer())
        const events = await portal().listPortalEvents({ subject_id: estimate.id, type: ["estimate_accepted", "estimate_rejected"] })
        expect(events.map((e) => e.type)).toEqual(["estimate_rejected"])
        const notifications = await feed()
        expect(notifications.map((n) => n.data)).toEqual([
          {
            title: `Estimate ${estimate.display_number} rejected`,
            description: `Jane Doe rejected estimate ${estimate.display_number}: “Too expensive”.`,
          },
        ])
      })
    })

    describe("GET /store/portal/invoices/:id/pdf", () => {
      it("serves the customer's invoice as a PDF with its number, lines and totals, and logs the download", async () => {
        const invoice = await seedInvoice(getContainer(), customer.id, "sent", {
          lines: [
            { title: "Boiler service", quantity: 3, unit_price: 19.99 },
            { title: "Valve", quantity: 2, unit_price: 12.5, tax_rate: 8 },
          ],
        })

        const pdf = await api.get(`/store/portal/invoices/${invoice.id}/pdf`, { ...auth, responseType: "arraybuffer" })

        expect(pdf.status).toBe(200)
        expect(pdf.headers["content-type"]).toBe("application/pdf")
        expect(pdf.headers["content-disposition"]).toBe(`attachment; filename="${invoice.display_number}.pdf"`)
        const { text, pages } = await readPdf(Buffer.from(pdf.data))
        expect(pages).toBe(1)
        expect(text).toContain(`Invoice ${invoice.display_number}`)
        expect(text).toContain("Unpaid")
        expect(text).toContain("Jane Doe")
        expect(text).toMatch(/Boiler service\s+3\s+€19\.99\s+€59\.97/)
        // A line's amount is before tax, so the lines add up to the subtotal.
        expect(text).toMatch(/Valve\s+2\s+€12\.50\s+8%\s+€25\.00/)
        expect(text).toMatch(/Subtotal\s+€84\.97/)
        expect(text).toMatch(/Tax\s+€2\.00/)
        expect(text).toMatch(/Total\s+€86\.97/)

        const downloads = await portal().listPortalEvents({ subject_id: invoice.id, type: "pdf_downloaded" })
        expect(downloads.map((e) => [e.customer_id, e.data])).toEqual([[customer.id, { via: "store" }]])

        const foreign = await seedInvoice(getContainer(), ((await createCustomer(getContainer())) as any).id, "sent")
        const draft = await seedInvoice(getContainer(), customer.id, "draft")
        expect((await api.get(`/store/portal/invoices/${foreign.id}/pdf`, auth).catch(fail)).status).toBe(404)
        expect((await api.get(`/store/portal/invoices/${draft.id}/pdf`, auth).catch(fail)).status).toBe(404)
        expect(await portal().listPortalEvents({ type: "pdf_downloaded" })).toHaveLength(1)
      })
    })

    describe("GET /store/portal/profile", () => {
      it("answers the signed-in customer with their default address, and nothing else", async () => {
        const customers = getContainer().resolve(Modules.CUSTOMER)
        await customers.updateCustomers(customer.id, { company_name: "Doe Ltd", phone: "+1 555 0100" })
        await customers.createCustomerAddresses([
          { customer_id: customer.id, address_1: "9 Side Road", city: "Shelbyville", country_code: "us" },
          {
            customer_id: customer.id,
            address_1: "1 Main Street",
            address_2: "Flat 2",
            city: "Springfield",
            postal_code: "62701",
            province: "IL",
            country_code: "us",
            is_default_billing: true,
          },
        ])

        const profile = await api.get("/store/portal/profile", auth)

        expect(profile.status).toBe(200)
        expect(profile.data).toEqual({
          customer: {
            id: customer.id,
            email: customer.email,
            first_name: "Jane",
            last_name: "Doe",
            company_name: "Doe Ltd",
            phone: "+1 555 0100",
            address: {
              id: expect.any(String),
              address_1: "1 Main Street",
              address_2: "Flat 2",
              city: "Springfield",
              postal_code: "62701",
              province: "IL",
              country_code: "us",
            },
          },
          // The language the customer chose (issue #14); none yet.
          locale: null,
        })
      })
    })

    describe("portal pages", () => {
      let session: any
      beforeEach(async () => {
        session = await portalSession(api, getContainer(), customer.id)
      })

      it("GET /portal/estimates/:id/pdf serves the estimate PDF; 404 for another customer's", async () => {
        const estimate = await seedEstimate(getContainer(), customer.id, "sent", {
          valid_until: new Date("2031-05-20T12:00:00.000Z"),
          lines: [{ title: "Water heater replacement", quantity: 1, unit_price: 1200, tax_rate: 10 }],
        })

        const pdf = await api.get(`/portal/estimates/${estimate.id}/pdf`, { ...session, responseType: "arraybuffer" })

        expect(pdf.status).toBe(200)
        expect(pdf.headers["content-type"]).toBe("application/pdf")
        expect(pdf.headers["content-disposition"]).toBe(`attachment; filename="${estimate.display_number}.pdf"`)
        const { text } = await readPdf(Buffer.from(pdf.data))
        expect(text).toContain(`Estimate ${estimate.display_number}`)
        expect(text).toContain("Pending")
        expect(text).toMatch(/Valid until\s+May 20, 2031/)
        expect(text).toMatch(/Water heater replacement\s+1\s+€1,200\.00\s+10%\s+€1,200\.00/)
        expect(text).toMatch(/Subtotal\s+€1,200\.00/)
        expect(text).toMatch(/Tax\s+€120\.00/)
        expect(text).toMatch(/Total\s+€1,320\.00/)
        const downloads = await portal().listPortalEvents({ subject_id: estimate.id, type: "pdf_downloaded" })
        expect(downloads).toHaveLength(1)
        expect(downloads[0].data ?? null).toBeNull()

        const foreign = await seedEstimate(getContainer(), ((await createCustomer(getContainer())) as any).id, "sent")
        expect((await api.get(`/portal/estimates/${foreign.id}/pdf`, session)).status).toBe(404)
      })

      it("lets exactly one of 10 concurrent opposite decisions win: its side all succeed, the other side all get 409", async () => {
        const estimate = await seedEstimate(getContainer(), customer.id, "sent", { valid_until: new Date(FUTURE) })
        const csrf = csrfFrom((await api.get(`/portal/estimates/${estimate.id}`, session)).data)
        const decisions = Array.from({ length: 10 }, (_, i) => (i % 2 ? "reject" : "accept"))

        const responses = await Promise.all(
          decisions.map((d) => api.post(`/portal/estimates/${estimate.id}/${d}`, `_csrf=${csrf}`, formPost(session)))
        )

        const final = (await portal().retrievePortalEstimate(estimate.id)).status
        expect(["accepted", "rejected"]).toContain(final)
        const winning = final === "accepted" ? "accept" : "reject"
        // Every request for the decision that won answered as a success (the first decided, the
        // others repeated it); every request for the opposite decision is a conflict.
        expect(responses.map((r, i) => [decisions[i], r.status])).toEqual(
          decisions.map((d) => [d, d === winning ? 303 : 409])
        )
        for (const loser of responses.filter((_, i) => decisions[i] !== winning)) {
          expect(loser.data).toContain(`was already ${final}`)
        }

        await drainEventBus(getContainer())
        const decided = await portal().listPortalEvents({
          subject_id: estimate.id,
          type: ["estimate_accepted", "estimate_rejected"],
        })
        expect(decided.map((e) => e.type)).toEqual([`estimate_${final}`])
        expect(await feed()).toHaveLength(1)
      })
    })
  },
})
