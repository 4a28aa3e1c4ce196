import { ICustomerModuleService } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { expectLoggedErrors } from "../../utils/quiet-log"
import { createApiKeysWorkflow } from "@medusajs/medusa/core-flows"
import { createPortalLinkWorkflow } from "../../../src/workflows/access"
import { adminHeaders, createAdminUser } from "../../utils/admin"
import { createCustomer } from "../../utils/customer"
import { portalService, seedEstimate, seedInvoice } from "../../utils/portal"
import { csrfFrom, formPost, portalSession } from "./helpers"

jest.setTimeout(180_000)

const NUL = "\u0000"
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString()

/** The headers every portal page carries (src/api/utils/portal-pages.ts), errors included. */
const expectPageHeaders = (response: { headers: Record<string, unknown> }) => {
  expect(response.headers).toEqual(
    expect.objectContaining({
      "referrer-policy": "no-referrer",
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
      "x-frame-options": "DENY",
      "content-security-policy": expect.stringContaining("default-src 'self'"),
    })
  )
  expect(response.headers["x-powered-by"]).toBeUndefined()
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let customer: { id: string; email: string }
    let session: any
    let store: { headers: Record<string, string>; validateStatus: () => boolean }
    let storeKey: { headers: Record<string, string>; validateStatus: () => boolean }

    const customers = () => getContainer().resolve<ICustomerModuleService>(Modules.CUSTOMER)

    beforeEach(async () => {
      const container = getContainer()
      await createAdminUser(adminHeaders, container)
      await portalService(container).updateSettings({ enabled: true })
      customer = (await createCustomer(container, { first_name: "Jane" })) as any
      session = await portalSession(api, container, customer.id)
      const { result: keys } = await createApiKeysWorkflow(container).run({
        input: { api_keys: [{ title: "store", type: "publishable", created_by: "test" }] },
      })
      storeKey = { headers: { "x-publishable-api-key": keys[0].token }, validateStatus: () => true }
      const { result: link } = await createPortalLinkWorkflow(container).run({ input: { customer_id: customer.id } })
      const token = new URL(link.url).pathname.split("/").pop()
      const { data } = await api.post("/store/portal/auth", { token }, storeKey)
      store = { headers: { ...storeKey.headers, authorization: `Bearer ${data.token}` }, validateStatus: () => true }
    })

    afterEach(() => jest.restoreAllMocks())

    describe("control characters and overlong text answer 400 naming the field, and change nothing", () => {
      it("profile form (HTML)", async () => {
        const page = await api.get("/portal/profile", session)
        const _csrf = csrfFrom(page.data)
        const cases: [Record<string, string>, string][] = [
          [{ first_name: `Ja${NUL}ne` }, "First name contains a control character"],
          [{ first_name: "Jane", company_name: `Acme\u0007` }, "Company contains a control character"],
          [{ first_name: "Jane", city: "Lon\ndon", address_1: "1 Way", country_code: "gb" }, "City contains a control character"],
          [{ first_name: "x".repeat(101) }, "First name must be at most 100 characters"],
        ]
        for (const [fields, message] of cases) {
          const response = await api.post("/portal/profile", form({ _csrf, ...fields }), formPost(session))
          expect({ status: response.status, has: String(response.data).includes(message) }).toEqual({ status: 400, has: true })
        }
        expect((await customers().retrieveCustomer(customer.id)).first_name).toBe("Jane")
      })

      it("profile (JSON)", async () => {
        const cases: [Record<string, string>, string][] = [
          [{ first_name: `Ja${NUL}ne` }, "First name contains a control character"],
          [{ first_name: "Jane", last_name: `D${NUL}` }, "Last name contains a control character"],
          [{ first_name: "Jane", address_2: "\u001b[31m" }, "Address line 2 contains a control character"],
        ]
        for (const [body, message] of cases) {
          const response = await api.post("/store/portal/profile", body, store)
          expect({ status: response.status, message: response.data.message }).toEqual({
            status: 400,
            message: expect.stringContaining(message),
          })
        }
        expect((await customers().retrieveCustomer(customer.id)).first_name).toBe("Jane")
      })

      it("an estimate decision note (page and JSON)", async () => {
        const estimate = await seedEstimate(getContainer(), customer.id, "sent")
        const json = await api.post(`/store/portal/estimates/${estimate.id}/reject`, { note: `no${NUL}` }, store)
        expect({ status: json.status, message: json.data.message }).toEqual({
          status: 400,
          message: expect.stringContaining("note contains a control character"),
        })
        const page = await api.get(`/portal/estimates/${estimate.id}`, session)
        const html = await api.post(
          `/portal/estimates/${estimate.id}/reject`,
          form({ _csrf: csrfFrom(page.data), note: `no${NUL}` }),
          formPost(session)
        )
        expect(html.status).toBe(400)
        expect(html.data).toContain("Note contains a control character")
        expect((await portalService(getContainer()).retrievePortalEstimate(estimate.id)).status).toBe("sent")
      })

      it("an invoice line title (admin), while a description keeps its line breaks", async () => {
        const body = (line: Record<string, unknown>) => ({
          customer_id: customer.id,
          currency_code: "eur",
          lines: [{ quantity: 1, unit_price: 10, ...line }],
        })
        const options = { ...adminHeaders, validateStatus: () => true }
        const nul = await api.post("/admin/invoices", body({ title: `Pipe${NUL}` }), options)
        expect({ status: nul.status, message: nul.data.message }).toEqual({
          status: 400,
          message: expect.stringContaining("Line title contains a control character"),
        })
        const notes = await api.post("/admin/invoices", { ...body({ title: "Pipe" }), notes: `a${NUL}b` }, options)
        expect({ status: notes.status, message: notes.data.message }).toEqual({
          status: 400,
          message: expect.stringContaining("notes contains a control character"),
        })
        const metadata = await api.post("/admin/invoices", { ...body({ title: "Pipe" }), metadata: { a: `b${NUL}` } }, options)
        expect(metadata.status).toBe(400)
        const search = await api.get(`/admin/invoices?q=${encodeURIComponent(NUL)}`, options)
        expect(search.status).toBe(400)
        expect(await portalService(getContainer()).listPortalInvoices({})).toEqual([])

        const multiline = await api.post("/admin/invoices", body({ title: "Pipe", description: "Line one\r\n\tLine two" }), options)
        expect(multiline.status).toBe(200)
      })
    })

    it("a control character in a path or query answers 4xx, never 500", async () => {
      const estimate = await seedEstimate(getContainer(), customer.id, "sent")
      const admin = { ...adminHeaders, validateStatus: () => true }
      const requests: [string, Promise<{ status: number }>][] = [
        ["page invoice", api.get("/portal/invoices/%00", session)],
        ["page estimate pdf", api.get("/portal/estimates/%00/pdf", session)],
        ["page estimate decision", api.post(`/portal/estimates/%00/accept`, "", formPost(session))],
        ["page link", api.get("/portal/access/%00", { validateStatus: () => true, maxRedirects: 0 })],
        ["page list query", api.get("/portal/invoices?status=%00&limit=%00", session)],
        ["store invoice", api.get("/store/portal/invoices/%00", store)],
        ["store estimate", api.post(`/store/portal/estimates/%01${estimate.id}/accept`, {}, store)],
        ["store list query", api.get("/store/portal/estimates?status=%00", store)],
        ["store auth", api.post("/store/portal/auth", { token: "\u0000" }, storeKey)],
        ["admin invoice", api.get("/admin/invoices/%00", admin)],
        ["admin invoice send", api.post("/admin/invoices/%00/send", {}, admin)],
        ["admin estimate", api.get("/admin/estimates/%00", admin)],
        ["admin list customer", api.get("/admin/invoices?customer_id=%00", admin)],
        ["admin list order", api.get("/admin/estimates?order=%00", admin)],
        ["admin access", api.get("/admin/customers/%00/portal-access", admin)],
        ["admin activity type", api.get(`/admin/customers/${customer.id}/portal-activity?type=%00`, admin)],
      ]
      const statuses: Record<string, number> = {}
      for (const [name, request] of requests) {
        statuses[name] = (await request).status
      }
      expect(Object.entries(statuses).filter(([, status]) => status >= 500)).toEqual([])
    })

    describe("error responses carry the portal's headers", () => {
      it("a foreign or missing invoice or estimate is the portal's 404 page, not JSON", async () => {
        const other = ((await createCustomer(getContainer())) as any).id
        const foreignInvoice = await seedInvoice(getContainer(), other, "sent")
        const foreignEstimate = await seedEstimate(getContainer(), other, "sent")
        for (const path of [
          `/portal/invoices/${foreignInvoice.id}`,
          "/portal/invoices/inv_missing",
          `/portal/invoices/${foreignInvoice.id}/pdf`,
          `/portal/estimates/${foreignEstimate.id}`,
          "/portal/estimates/est_missing",
        ]) {
          const response = await api.get(path, session)
          expect({ path, status: response.status, type: response.headers["content-type"] }).toEqual({
            path,
            status: 404,
            type: expect.stringContaining("text/html"),
          })
          expect(response.data).toContain("Page not found")
          expect(response.data).not.toContain(foreignInvoice.id)
          expectPageHeaders(response)
        }
      })

      it("an unknown portal path is the portal's own 404 page", async () => {
        for (const path of ["/portal/nope", "/portal/invoices/inv_1/nope/deeper"]) {
          const response = await api.get(path, session)
          expect({ path, status: response.status }).toEqual({ path, status: 404 })
          expect(response.data).toContain("Page not found")
          expect(response.data).not.toContain("Cannot GET")
          expectPageHeaders(response)
        }
        const post = await api.post("/portal/nope", "", formPost(session))
        expect(post.status).toBe(404)
        expectPageHeaders(post)
      })

      it("an unexpected failure is a 500 page that leaks nothing", async () => {
        // The operator's log has the cause; the customer's page does not.
        expectLoggedErrors("SECRET-db-detail")
        jest.spyOn(portalService(getContainer()), "listCustomerInvoices").mockRejectedValue(new Error("SECRET-db-detail"))
        const response = await api.get("/portal/invoices", session)
        expect(response.status).toBe(500)
        expect(response.data).toContain("Something went wrong")
        expect(response.data).not.toContain("SECRET-db-detail")
        expectPageHeaders(response)
      })

      it("401 and 403 pages carry them too", async () => {
        const signedOut = await api.get("/portal/invoices", { validateStatus: () => true })
        expect(signedOut.status).toBe(401)
        expectPageHeaders(signedOut)
        await portalService(getContainer()).updateSettings({ allow_invoices: false })
        const off = await api.get("/portal/invoices", session)
        expect(off.status).toBe(403)
        expectPageHeaders(off)
      })

      it("no X-Powered-By on any portal or storefront portal response, errors included", async () => {
        const responses = [
          await api.get("/portal", session),
          await api.get("/portal/login", { validateStatus: () => true }),
          await api.get("/store/portal/invoices", store),
          await api.get("/store/portal/invoices", storeKey), // 401
          await api.get("/store/portal/invoices/inv_missing", store), // 404
          await api.get("/store/portal/invoices", { validateStatus: () => true }), // no publishable key
        ]
        expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 401, 404, 400])
        for (const response of responses) {
          expect(response.headers["x-powered-by"]).toBeUndefined()
        }
      })

      it("sends Strict-Transport-Security when the portal URL is https, and not otherwise", async () => {
        const http = await api.get("/portal/login", { validateStatus: () => true })
        expect(http.headers["strict-transport-security"]).toBeUndefined()

        jest.spyOn(portalService(getContainer()), "getPortalUrl").mockReturnValue("https://portal.example.com")
        for (const response of [
          await api.get("/portal/login", { validateStatus: () => true }),
          await api.get("/portal/nope", session),
          await api.get("/store/portal/invoices", store),
        ]) {
          expect(response.headers["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains")
        }
      })
    })
  },
})
