import { Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createApiKeysWorkflow } from "@medusajs/medusa/core-flows"
import { randomBytes } from "crypto"
import { createPortalLinkWorkflow } from "../../../src/workflows/access"
import { adminHeaders, createAdminUser } from "../../utils/admin"
import { fromAddress } from "../../utils/client-address"
import { createCustomer, createCustomerWithoutEmail } from "../../utils/customer"
import { portalService, seedEstimate } from "../../utils/portal"
import { csrfFrom, formPost, noRedirect, portalSession, pressOpenLink } from "./helpers"

jest.setTimeout(180_000)

/**
 * No dead ends (issue 13, item 3): every refusal on a portal page is a branded HTML page that
 * says what happened and offers the one next step that can work (never "Email me a new link"
 * when no link can arrive), while the storefront's JSON routes keep Medusa's `{ type, message }`.
 */
/** The page's one way forward when no link can help (the footer's address is a plain link). */
const CONTACT_BUTTON = '<a class="button" href="mailto:help@acme.test">Email Acme Plumbing</a>'
/** What the page should say for a Retry-After of `seconds` (written out here, not taken from the code under test). */
const waitWording = (seconds: number) =>
  seconds < 60 ? `${seconds} second${seconds === 1 ? "" : "s"}` : `${Math.ceil(seconds / 60)} minute${seconds <= 60 ? "" : "s"}`
const form = { headers: { "content-type": "application/x-www-form-urlencoded" }, ...noRedirect }

const expectBrandedPage = (response: { status: number; headers: Record<string, unknown>; data: unknown }, status: number) => {
  expect({ status: response.status, type: response.headers["content-type"] }).toEqual({
    status,
    type: expect.stringContaining("text/html"),
  })
  const html = String(response.data)
  expect(html).toContain("<!doctype html>")
  expect(html).toContain("Acme Plumbing")
  expect(html).not.toMatch(/Cannot (GET|POST)/)
  expect(html).not.toContain('{"type"')
  expect(response.headers["content-security-policy"]).toContain("default-src 'self'")
  return html
}

const expectJsonError = (response: { status: number; data: any; headers: Record<string, unknown> }, status: number, type: string) => {
  expect(response.headers["content-type"]).toContain("application/json")
  expect({ status: response.status, type: response.data.type, message: typeof response.data.message }).toEqual({
    status,
    type,
    message: "string",
  })
  return response.data.message as string
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let customer: { id: string; email: string }
    let storeKey: Record<string, string>

    const tokenOf = (url: string) => new URL(url).pathname.split("/").pop()!
    const newLink = async (customerId = customer.id) =>
      (await createPortalLinkWorkflow(getContainer()).run({ input: { customer_id: customerId } })).result as { id: string; url: string }
    const storeSession = async () => {
      const { data } = await api.post("/store/portal/auth", { token: tokenOf((await newLink()).url) }, { headers: storeKey })
      return { headers: { ...storeKey, authorization: `Bearer ${data.token}` }, validateStatus: () => true }
    }
    const exchange = (url: string) => api.post("/store/portal/auth", { token: tokenOf(url) }, { headers: storeKey, ...noRedirect })

    beforeEach(async () => {
      const container = getContainer()
      // Rate-limit windows live in the Cache module, which outlives each test's database.
      await container.resolve(Modules.CACHE).invalidate("portal:rl:*")
      await createAdminUser(adminHeaders, container)
      await portalService(container).updateSettings({ enabled: true, business_name: "Acme Plumbing", support_email: "help@acme.test" })
      customer = (await createCustomer(container, { first_name: "Jane" })) as any
      const { result: keys } = await createApiKeysWorkflow(container).run({
        input: { api_keys: [{ title: "store", type: "publishable", created_by: "test" }] },
      })
      storeKey = { "x-publishable-api-key": keys[0].token }
    })

    describe("a form posted with a missing or stale token", () => {
      it("is a branded 'page expired' page linking back to the form's page, and changes nothing", async () => {
        const session = await portalSession(api, getContainer(), customer.id)
        const estimate = await seedEstimate(getContainer(), customer.id, "sent")
        // A token from an earlier session of the same customer: stale, as after signing in again.
        const stale = csrfFrom((await api.get(`/portal/estimates/${estimate.id}`, await portalSession(api, getContainer(), customer.id))).data)
        const cases: [string, string, string][] = [
          [`/portal/estimates/${estimate.id}/accept`, "", `/portal/estimates/${estimate.id}`],
          [`/portal/estimates/${estimate.id}/reject`, `_csrf=${stale}&note=no`, `/portal/estimates/${estimate.id}`],
          ["/portal/profile", "first_name=Mallory", "/portal/profile"],
          ["/portal/logout", `_csrf=${stale}`, "/portal"],
        ]
        for (const [path, body, back] of cases) {
          const response = await api.post(path, body, formPost(session))
          const html = expectBrandedPage(response, 403)
          expect({ path, expired: html.includes("This page has expired"), back: html.includes(`href="${back}"`) }).toEqual({
            path,
            expired: true,
            back: true,
          })
          expect(html).toContain("Nothing was changed")
        }
        expect((await portalService(getContainer()).retrievePortalEstimate(estimate.id)).status).toBe("sent")
        expect((await getContainer().resolve(Modules.CUSTOMER).retrieveCustomer(customer.id)).first_name).toBe("Jane")
        // The session survived the refused sign-out.
        expect((await api.get("/portal", session)).status).toBe(200)
      })

      it("is HTML even when the post claims to be JSON", async () => {
        const session = await portalSession(api, getContainer(), customer.id)
        const response = await api.post("/portal/profile", { first_name: "Mallory" }, session)
        expect(expectBrandedPage(response, 403)).toContain('href="/portal/profile"')
      })

      it("on the link page's button: a page with a way to open the link again, not a dead end", async () => {
        const link = await newLink()
        const path = new URL(link.url).pathname
        const response = await api.post(path, "_csrf=forged", form)
        const html = expectBrandedPage(response, 403)
        expect(html).toContain("This page has expired")
        expect(html).toContain(`href="${path}"`)
        expect(response.headers["set-cookie"] ?? []).not.toEqual(expect.arrayContaining([expect.stringMatching(/^portal_session=/)]))
      })
    })

    describe("too many requests", () => {
      it("the login page answers the 6th request a minute with a branded 429 saying when to retry, with Retry-After", async () => {
        const from = fromAddress(api, "127.0.3.1")
        let last: any
        for (let i = 0; i < 6; i++) {
          last = await api.post("/portal/login", `email=person${i}%40example.com`, { ...form, ...from })
        }
        const html = expectBrandedPage(last, 429)
        const retryAfter = Number(last.headers["retry-after"])
        expect(retryAfter).toBeGreaterThan(0)
        expect(retryAfter).toBeLessThanOrEqual(60)
        expect(html).toContain(`Please try again in ${waitWording(retryAfter)}.`)
        expect(html).toContain('href="/portal/login"')
      })

      it("renewing an expired link is limited the same way, on a branded page", async () => {
        const link = await newLink()
        const path = new URL(link.url).pathname
        const from = fromAddress(api, "127.0.3.2")
        const statuses: number[] = []
        let last: any
        for (let i = 0; i < 6; i++) {
          last = await api.post(`${path}/renew`, "", { ...form, ...from })
          statuses.push(last.status)
        }
        expect(statuses).toEqual([200, 200, 200, 200, 200, 429])
        expectBrandedPage(last, 429)
        expect(Number(last.headers["retry-after"])).toBeGreaterThan(0)
      })

      it("failed link opens: a branded 429 on the page, Medusa's { type, message } with Retry-After on the storefront", async () => {
        const from = fromAddress(api, "127.0.3.3")
        for (let i = 0; i < 20; i++) {
          await api.get(`/portal/access/${randomBytes(32).toString("base64url")}`, { ...noRedirect, ...from })
        }
        const page = await api.get(`/portal/access/${randomBytes(32).toString("base64url")}`, { ...noRedirect, ...from })
        const retryAfter = Number(page.headers["retry-after"])
        expect(retryAfter).toBeGreaterThan(0)
        expect(expectBrandedPage(page, 429)).toContain(`Please try again in ${waitWording(retryAfter)}.`)

        const json = await api.post("/store/portal/auth", { token: "nope" }, { headers: storeKey, ...noRedirect, ...from })
        expect(expectJsonError(json, 429, "too_many_requests")).toMatch(/try again in \d+ seconds/)
        expect(Number(json.headers["retry-after"])).toBeGreaterThan(0)
      })
    })

    describe("a customer whose access the owner disabled", () => {
      it("is never offered a new link: the page names the reason and the business's email, on every way in", async () => {
        const emailed = await newLink()
        const cookie = (await portalSession(api, getContainer(), customer.id)).headers.cookie
        const session = { headers: { cookie }, ...noRedirect }
        await api.post(`/admin/customers/${customer.id}/portal-access/disable`, {}, adminHeaders)

        const pages = {
          "an open session": await api.get("/portal/invoices", session),
          // Disabling revoked the emailed link.
          "the emailed link": await api.get(new URL(emailed.url).pathname, noRedirect),
        }
        for (const [way, response] of Object.entries(pages)) {
          const html = expectBrandedPage(response, 403)
          expect({ way, title: html.includes("Your portal access is turned off") }).toEqual({ way, title: true })
          expect(html).not.toContain("Email me a new link")
          expect(html).not.toContain("/renew")
          expect(html).not.toContain('href="/portal/login')
          expect(html).toContain(CONTACT_BUTTON)
          expect(html).toContain("Contact Acme Plumbing to get access again.")
        }

        // The storefront's faces say the same, as Medusa errors.
        expect(expectJsonError(await exchange(emailed.url), 401, "unauthorized")).toBe("Portal access is disabled for this customer")
      })

      it("an expired link offers no renewal either, and without a support email the page still names the business", async () => {
        await portalService(getContainer()).updateSettings({ support_email: null })
        const link = await newLink()
        await portalService(getContainer()).updatePortalTokens({ id: link.id, expires_at: new Date(Date.now() - 1000) })
        await portalService(getContainer()).setPortalAccessEnabled(customer.id, false)
        const html = expectBrandedPage(await api.get(new URL(link.url).pathname, noRedirect), 403)
        expect(html).toContain("Your portal access is turned off")
        expect(html).not.toContain("Email me a new link")
        expect(html).not.toContain("mailto:")
        expect(html).toContain("Contact Acme Plumbing to get access again.")
      })

      it("the JSON routes keep Medusa's { type, message }", async () => {
        const store = await storeSession()
        await api.post(`/admin/customers/${customer.id}/portal-access/disable`, {}, adminHeaders)
        expect(expectJsonError(await api.get("/store/portal/invoices", store), 403, "not_allowed")).toMatch(/disabled/)
      })
    })

    describe("expired and revoked links offer a new link only when it can arrive", () => {
      it("an expired link of a customer with access offers the one-click renewal", async () => {
        const link = await newLink()
        await portalService(getContainer()).updatePortalTokens({ id: link.id, expires_at: new Date(Date.now() - 1000) })
        const html = expectBrandedPage(await api.get(new URL(link.url).pathname, noRedirect), 410)
        expect(html).toContain("This link has expired")
        expect(html).toContain(`action="${new URL(link.url).pathname}/renew"`)
        expect(expectJsonError(await exchange(link.url), 401, "unauthorized")).toBe("This portal link has expired; ask for a new one")
      })

      it("a revoked link of a customer with access points to the login page", async () => {
        const link = await newLink()
        await api.delete(`/admin/customers/${customer.id}/portal-access/links/${link.id}`, adminHeaders)
        const html = expectBrandedPage(await api.get(new URL(link.url).pathname, noRedirect), 410)
        expect(html).toContain("This link no longer works")
        expect(html).toContain('href="/portal/login"')
        expect(expectJsonError(await exchange(link.url), 401, "unauthorized")).toBe("This portal link was replaced or withdrawn")
      })

      it("a customer without an email address is pointed to the business, not to an email", async () => {
        const noEmail = (await createCustomerWithoutEmail(getContainer())) as any
        const link = await newLink(noEmail.id)
        await portalService(getContainer()).updatePortalTokens({ id: link.id, expires_at: new Date(Date.now() - 1000) })
        const html = expectBrandedPage(await api.get(new URL(link.url).pathname, noRedirect), 410)
        expect(html).toContain("This link has expired")
        expect(html).not.toContain("Email me a new link")
        expect(html).toContain(CONTACT_BUTTON)
        expect(html).toContain("Contact Acme Plumbing for a new link.")
      })

      it("a token that names nobody reveals nothing and offers the login page", async () => {
        const html = expectBrandedPage(await api.get(`/portal/access/${randomBytes(32).toString("base64url")}`, noRedirect), 404)
        expect(html).toContain("This link is not valid")
        expect(html).toContain('href="/portal/login"')
      })
    })

    describe("the portal turned off", () => {
      it("every page way in says so and points to the business, the login page included", async () => {
        const link = await newLink()
        const session = await portalSession(api, getContainer(), customer.id)
        const expired = await newLink()
        await portalService(getContainer()).updatePortalTokens({ id: expired.id, expires_at: new Date(Date.now() - 1000) })
        await api.post("/admin/portal/settings", { enabled: false }, adminHeaders)

        const responses = {
          session: await api.get("/portal", session),
          link: await api.get(new URL(link.url).pathname, noRedirect),
          "expired link": await api.get(new URL(expired.url).pathname, noRedirect),
          "login page": await api.get("/portal/login", noRedirect),
          "login form": await api.post("/portal/login", `email=${encodeURIComponent(customer.email)}`, form),
        }
        for (const [way, response] of Object.entries(responses)) {
          const html = expectBrandedPage(response, 403)
          expect({ way, title: html.includes("The portal is not available") }).toEqual({ way, title: true })
          expect({ way, offers: html.includes("Email me a") }).toEqual({ way, offers: false })
          expect(html).toContain(CONTACT_BUTTON)
        }
      })

      it("the JSON routes keep Medusa's { type, message }", async () => {
        const store = await storeSession()
        const link = await newLink()
        await api.post("/admin/portal/settings", { enabled: false }, adminHeaders)
        expect(expectJsonError(await api.get("/store/portal", store), 403, "not_allowed")).toMatch(/turned its customer portal off/)
        expect(expectJsonError(await exchange(link.url), 401, "unauthorized")).toBe("The customer portal is turned off")
      })
    })

    describe("signed out", () => {
      it("the signed-out page and a page opened without a session both offer a way back in", async () => {
        const session = await portalSession(api, getContainer(), customer.id)
        const out = await api.post("/portal/logout", `_csrf=${csrfFrom((await api.get("/portal", session)).data)}`, formPost(session))
        const html = expectBrandedPage(out, 200)
        expect(html).toContain("You are signed out")
        expect(html).toContain('href="/portal/login"')

        const signedOut = expectBrandedPage(await api.get("/portal/estimates", noRedirect), 401)
        expect(signedOut).toContain('href="/portal/login?next=%2Fportal%2Festimates"')
        // Medusa's own authenticate middleware answers the storefront (it sends a message only).
        const json = await api.get("/store/portal/estimates", { headers: storeKey, ...noRedirect })
        expect({ status: json.status, type: json.headers["content-type"], message: json.data.message }).toEqual({
          status: 401,
          type: expect.stringContaining("application/json"),
          message: "Unauthorized",
        })
      })

      it("the login page's 'Check your email' says whom to contact if nothing arrives", async () => {
        const html = expectBrandedPage(await api.post("/portal/login", "email=someone%40example.com", { ...form, ...fromAddress(api, "127.0.3.9") }), 200)
        expect(html).toContain("Check your email")
        expect(html).toContain('Contact Acme Plumbing at <a href="mailto:help@acme.test">help@acme.test</a> if nothing arrives.')
      })
    })

    it("opening a valid link still works after all this (the happy path is untouched)", async () => {
      const opened = await pressOpenLink(api, (await newLink()).url)
      expect({ status: opened.status, location: opened.headers.location }).toEqual({ status: 303, location: "/portal" })
    })
  },
})
