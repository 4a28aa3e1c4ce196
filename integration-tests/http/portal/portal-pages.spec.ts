import { Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { drainEventBus } from "../../utils/drain"
import { createCustomer } from "../../utils/customer"
import { portalService, seedInvoice } from "../../utils/portal"
import { readPdf } from "../../../src/lib/pdf/__tests__/extract-text"
import { csrfFrom, formPost, portalSession } from "./helpers"

jest.setTimeout(120_000)

const SENTINEL = "SENTINEL-internal-3b9c"
const XSS = `<script>alert("x")</script>`

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let customer: { id: string }
    let other: { id: string }
    let session: any

    const portal = () => portalService(getContainer())
    const sentEstimate = async (customerId: string, overrides: Record<string, unknown> = {}) => {
      const draft = await portal().createDraftEstimate({
        customer_id: customerId,
        currency_code: "usd",
        internal_note: SENTINEL,
        valid_until: new Date(Date.now() + 10 * 86_400_000),
        lines: [{ title: `Roof ${XSS}`, quantity: 2, unit_price: 150 }],
        ...overrides,
      })
      return (await portal().sendEstimate(draft.id)).estimate
    }

    beforeEach(async () => {
      await portal().updateSettings({ enabled: true, business_name: "Acme Plumbing" })
      customer = (await createCustomer(getContainer(), { first_name: `Jo ${XSS}` })) as any
      other = (await createCustomer(getContainer())) as any
      session = await portalSession(api, getContainer(), customer.id)
    })

    describe("home and invoices", () => {
      it("shows the open balance, escapes customer data and never shows internal notes", async () => {
        await seedInvoice(getContainer(), customer.id, "sent", {
          internal_note: SENTINEL,
          issue_date: new Date(Date.now() - 30 * 86_400_000),
          due_date: new Date(Date.now() - 86_400_000),
        })
        const home = await api.get("/portal", session)
        expect(home.status).toBe(200)
        expect(home.data).toContain("€59.97")
        expect(home.data).toContain("Jo &lt;script&gt;")
        expect(home.data).not.toContain(XSS)
        expect(home.data).not.toContain(SENTINEL)
      })

      it("lists sent and paid invoices only, with their customer-facing status", async () => {
        const sent = await seedInvoice(getContainer(), customer.id, "sent", { internal_note: SENTINEL })
        const paid = await seedInvoice(getContainer(), customer.id, "paid")
        const draft = await seedInvoice(getContainer(), customer.id, "draft")
        const voided = await seedInvoice(getContainer(), customer.id, "void")
        const list = await api.get("/portal/invoices", session)
        expect(list.status).toBe(200)
        expect(list.data).toContain(`/portal/invoices/${sent.id}`)
        expect(list.data).toContain(`/portal/invoices/${paid.id}`)
        expect(list.data).not.toContain(draft.id)
        expect(list.data).not.toContain(voided.id)
        // Each row's own badge (the filter tabs print every status word regardless).
        const badgeOf = (id: string) =>
          list.data.match(new RegExp(`/portal/invoices/${id}"[\\s\\S]*?<span class="badge badge-(\\w+)">([^<]+)</span>`))?.slice(1)
        expect(badgeOf(sent.id)).toEqual(["unpaid", "Unpaid"])
        expect(badgeOf(paid.id)).toEqual(["paid", "Paid"])

        const onlyPaid = await api.get("/portal/invoices?status=paid", session)
        expect(onlyPaid.data).not.toContain(`/portal/invoices/${sent.id}`)

        for (const id of [draft.id, voided.id]) {
          expect((await api.get(`/portal/invoices/${id}`, session)).status).toBe(404)
        }
      })

      it("shows an invoice's detail, logs the view, and answers 404 for another customer's", async () => {
        const invoice = await seedInvoice(getContainer(), customer.id, "sent", {
          internal_note: SENTINEL,
          notes: `Thanks ${XSS}`,
          lines: [{ title: `Pipe ${XSS}`, quantity: 3, unit_price: 19.99 }],
        })
        const detail = await api.get(`/portal/invoices/${invoice.id}`, session)
        expect(detail.status).toBe(200)
        expect(detail.data).toContain("Pipe &lt;script&gt;")
        expect(detail.data).toContain("€59.97")
        expect(detail.data).toContain("Download PDF")
        expect(detail.data).not.toContain(SENTINEL)
        expect(detail.data).not.toContain(XSS)
        const events = await portal().listPortalEvents({ subject_id: invoice.id, type: "invoice_viewed" })
        expect(events).toHaveLength(1)

        const foreign = await seedInvoice(getContainer(), other.id, "sent")
        const response = await api.get(`/portal/invoices/${foreign.id}`, session)
        const missing = await api.get(`/portal/invoices/inv_missing`, session)
        expect(response.status).toBe(404)
        expect(missing.status).toBe(404)
      })

      it("downloads an invoice PDF named after its number, with lines and totals, without internal notes", async () => {
        const invoice = await seedInvoice(getContainer(), customer.id, "sent", {
          internal_note: SENTINEL,
          notes: "Thanks for your business",
          lines: [{ title: `Pipe ${XSS}`, quantity: 3, unit_price: 19.99 }],
        })
        const response = await api.get(`/portal/invoices/${invoice.id}/pdf`, { ...session, responseType: "arraybuffer" })
        expect(response.status).toBe(200)
        expect(response.headers["content-type"]).toBe("application/pdf")
        expect(response.headers["content-disposition"]).toBe(`attachment; filename="${invoice.display_number}.pdf"`)
        const pdf = await readPdf(Buffer.from(response.data))
        expect(pdf.text).toContain(invoice.display_number)
        expect(pdf.text).toContain(`Pipe ${XSS}`)
        expect(pdf.text).toContain("€59.97")
        expect(pdf.text).toContain("Unpaid")
        expect(pdf.text).not.toContain(SENTINEL)
        const events = await portal().listPortalEvents({ subject_id: invoice.id, type: "pdf_downloaded" })
        expect(events).toHaveLength(1)

        const foreign = await seedInvoice(getContainer(), other.id, "sent")
        expect((await api.get(`/portal/invoices/${foreign.id}/pdf`, session)).status).toBe(404)
      })

      it("hides a section that is turned off, in the navigation and at its address", async () => {
        await portal().updateSettings({ allow_invoices: false })
        const home = await api.get("/portal", session)
        expect(home.data).not.toContain('href="/portal/invoices"')
        const response = await api.get("/portal/invoices", session)
        expect(response.status).toBe(403)
        expect(response.data).toContain("This section is turned off")
      })
    })

    describe("estimates", () => {
      it("approves a pending estimate once, tells the owner once, and keeps the decision", async () => {
        const estimate = await sentEstimate(customer.id)
        const page = await api.get(`/portal/estimates/${estimate.id}`, session)
        expect(page.data).toContain("Approve")
        expect(page.data).toContain("Roof &lt;script&gt;")
        expect(page.data).not.toContain(SENTINEL)

        const noToken = await api.post(`/portal/estimates/${estimate.id}/accept`, "", formPost(session))
        expect(noToken.status).toBe(403)
        expect((await portal().retrievePortalEstimate(estimate.id)).status).toBe("sent")

        const csrf = csrfFrom(page.data)
        const approved = await api.post(`/portal/estimates/${estimate.id}/accept`, `_csrf=${csrf}`, formPost(session))
        expect(approved.status).toBe(303)
        expect(approved.headers.location).toBe(`/portal/estimates/${estimate.id}?decided=accepted`)
        expect((await portal().retrievePortalEstimate(estimate.id)).status).toBe("accepted")

        const again = await api.post(`/portal/estimates/${estimate.id}/accept`, `_csrf=${csrf}`, formPost(session))
        expect(again.status).toBe(303)
        const opposite = await api.post(`/portal/estimates/${estimate.id}/reject`, `_csrf=${csrf}`, formPost(session))
        expect(opposite.status).toBe(409)
        expect(opposite.data).toContain("was already accepted")

        await drainEventBus(getContainer()) // the owner notification subscriber has run
        const feed = await getContainer().resolve(Modules.NOTIFICATION).listNotifications({ channel: "feed" })
        expect(feed).toHaveLength(1)
        expect(feed[0].data).toEqual(expect.objectContaining({ title: `Estimate ${estimate.display_number} approved` }))
        const events = await portal().listPortalEvents({ subject_id: estimate.id, type: "estimate_accepted" })
        expect(events).toHaveLength(1)
      })

      it("rejects with a reason", async () => {
        const estimate = await sentEstimate(customer.id)
        const csrf = csrfFrom((await api.get(`/portal/estimates/${estimate.id}`, session)).data)
        const rejected = await api.post(
          `/portal/estimates/${estimate.id}/reject`,
          `_csrf=${csrf}&note=${encodeURIComponent("Too expensive")}`,
          formPost(session)
        )
        expect(rejected.status).toBe(303)
        expect(await portal().retrievePortalEstimate(estimate.id)).toEqual(
          expect.objectContaining({ status: "rejected", decision_note: "Too expensive" })
        )
      })

      it("refuses to accept an expired estimate with a clear message", async () => {
        const estimate = await sentEstimate(customer.id, {
          issue_date: new Date(Date.now() - 40 * 86_400_000),
          valid_until: new Date(Date.now() - 86_400_000),
        })
        const page = await api.get(`/portal/estimates/${estimate.id}`, session)
        expect(page.data).not.toContain(">Approve<")
        expect(page.data).toContain("has expired")
        // The form is gone, but a hand-made request gets the same answer.
        const csrf = csrfFrom((await api.get(`/portal/estimates/${(await sentEstimate(customer.id)).id}`, session)).data)
        const response = await api.post(`/portal/estimates/${estimate.id}/accept`, `_csrf=${csrf}`, formPost(session))
        expect(response.status).toBe(400)
        expect(response.data).toContain("can no longer be accepted")
        expect((await portal().retrievePortalEstimate(estimate.id)).status).toBe("sent")
      })

      it("lets exactly one of 10 concurrent opposite decisions win and notifies once", async () => {
        const estimate = await sentEstimate(customer.id)
        const csrf = csrfFrom((await api.get(`/portal/estimates/${estimate.id}`, session)).data)
        const responses = await Promise.all(
          Array.from({ length: 10 }, (_, i) =>
            api.post(`/portal/estimates/${estimate.id}/${i % 2 ? "reject" : "accept"}`, `_csrf=${csrf}`, formPost(session))
          )
        )
        const final = (await portal().retrievePortalEstimate(estimate.id)).status
        // Repeats of the winning decision are harmless double clicks (303); the opposite one is 409.
        expect(responses.map((r, i) => [i % 2 ? "rejected" : "accepted", r.status])).toEqual(
          responses.map((_, i) => [i % 2 ? "rejected" : "accepted", (i % 2 ? "rejected" : "accepted") === final ? 303 : 409])
        )
        await drainEventBus(getContainer()) // the owner notification subscriber has run
        const feed = await getContainer().resolve(Modules.NOTIFICATION).listNotifications({ channel: "feed" })
        expect(feed).toHaveLength(1)
        const decided = await portal().listPortalEvents({ subject_id: estimate.id, type: ["estimate_accepted", "estimate_rejected"] })
        expect(decided).toHaveLength(1)
      })

      it("answers 404 for another customer's estimate, on the page and on its form", async () => {
        const foreign = await sentEstimate(other.id)
        expect((await api.get(`/portal/estimates/${foreign.id}`, session)).status).toBe(404)
        const csrf = csrfFrom((await api.get(`/portal/estimates/${(await sentEstimate(customer.id)).id}`, session)).data)
        const response = await api.post(`/portal/estimates/${foreign.id}/accept`, `_csrf=${csrf}`, formPost(session))
        expect(response.status).toBe(404)
        expect((await portal().retrievePortalEstimate(foreign.id)).status).toBe("sent")
      })
    })
  },
})
