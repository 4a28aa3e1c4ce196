import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { randomBytes } from "crypto"
import { openPortalLinkWorkflow } from "../../../src/workflows/access"
import { adminHeaders, createAdminUser } from "../../utils/admin"
import { fromAddress } from "../../utils/client-address"
import { createCustomer } from "../../utils/customer"
import { portalService } from "../../utils/portal"
import { pressOpenLink } from "../portal/helpers"

jest.setTimeout(120_000)

const fail = (e: any) => e.response
const noRedirect = { maxRedirects: 0, validateStatus: () => true }

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    let customer: { id: string; email: string }

    beforeEach(async () => {
      // Rate-limit windows live in the Cache module, which outlives each test's database.
      await getContainer().resolve(Modules.CACHE).invalidate("portal:rl:*")
      await createAdminUser(adminHeaders, getContainer())
      await portalService(getContainer()).updateSettings({ enabled: true, business_name: "Acme Plumbing" })
      customer = (await createCustomer(getContainer(), { first_name: "Jane" })) as any
    })

    const copyLink = async () => {
      const response = await api.post(`/admin/customers/${customer.id}/portal-access/link`, {}, adminHeaders)
      return response.data.link as { id: string; url: string; expires_at: string }
    }
    const pathOf = (url: string) => new URL(url).pathname
    /** The link page, then its button, as a person does. */
    const open = (url: string) => pressOpenLink(api, url)
    const sessionCookie = (response: any) =>
      (response.headers["set-cookie"] as string[]).find((c) => c.startsWith("portal_session="))!
    const asCookie = (setCookie: string) => ({ headers: { cookie: setCookie.split(";")[0] }, ...noRedirect })

    describe("opening a link", () => {
      it("starts an HttpOnly, SameSite=Lax session and sends the token out of the address bar", async () => {
        const link = await copyLink()
        expect(link.url).toMatch(/\/portal\/access\/[A-Za-z0-9_-]{43}$/)

        const page = await api.get(pathOf(link.url), noRedirect)
        expect(page.status).toBe(200)
        expect(page.headers["referrer-policy"]).toBe("no-referrer")
        expect(page.data).toContain("Open my portal")
        expect(page.data).toContain(`action="${pathOf(link.url)}"`)

        const opened = await open(link.url)
        expect(opened.status).toBe(303)
        expect(opened.headers.location).toBe("/portal")
        expect(opened.headers["referrer-policy"]).toBe("no-referrer")
        const cookie = sessionCookie(opened)
        expect(cookie).toMatch(/HttpOnly/i)
        expect(cookie).toMatch(/SameSite=Lax/i)
        expect(cookie).not.toMatch(/Secure/i) // the test portal URL is http

        const home = await api.get("/portal", asCookie(cookie))
        expect(home.status).toBe(200)
        expect(home.headers["referrer-policy"]).toBe("no-referrer")
        expect(home.headers["content-security-policy"]).toContain("default-src 'self'")
        expect(home.data).toContain("Hello, Jane")
        expect(home.data).toContain("Acme Plumbing")

        const access = (await api.get(`/admin/customers/${customer.id}/portal-access`, adminHeaders)).data.portal_access
        expect(access.last_opened_at).toBeTruthy()
        expect(access.links).toEqual([expect.objectContaining({ id: link.id, source: "link", last_used_at: expect.any(String) })])
      })

      it("shows a page, not a bare 401, without a session", async () => {
        const response = await api.get("/portal", noRedirect)
        expect(response.status).toBe(401)
        expect(response.headers["content-type"]).toContain("text/html")
        expect(response.data).toContain("Please open your portal link")
        expect(response.data).toContain('href="/portal/login"')
      })

      it("answers random tokens with the same page, and past 20 a minute from one address with 429 and no row", async () => {
        const responses: any[] = []
        for (let i = 0; i < 25; i++) {
          responses.push(await api.get(`/portal/access/${randomBytes(32).toString("base64url")}`, noRedirect))
        }
        expect(responses.map((r) => r.status)).toEqual([...Array(20).fill(404), ...Array(5).fill(429)])
        expect(new Set(responses.slice(0, 20).map((r) => r.data)).size).toBe(1)
        expect(responses[0].data).toContain("This link is not valid")
        expect(Number(responses[24].headers["retry-after"])).toBeGreaterThan(0)
        const failures = await portalService(getContainer()).listPortalEvents({ type: "link_open_failed" })
        expect(failures).toHaveLength(20)
      })

      it("keeps the raw token out of every table", async () => {
        const link = await copyLink()
        await open(link.url)
        const token = pathOf(link.url).split("/").pop()!
        const { rows: columns } = await dbConnection.raw(
          `SELECT table_name, column_name FROM information_schema.columns
           WHERE table_schema = current_schema() AND data_type IN ('text', 'character varying', 'jsonb', 'json')`
        )
        const hits: string[] = []
        for (const { table_name, column_name } of columns) {
          const { rows } = await dbConnection.raw(
            `SELECT count(*)::int AS n FROM "${table_name}" WHERE "${column_name}"::text LIKE ?`,
            [`%${token}%`]
          )
          if (rows[0].n > 0) {
            hits.push(`${table_name}.${column_name}`)
          }
        }
        expect(hits).toEqual([])
      })
    })

    describe("expired and revoked links", () => {
      it("shows an expired link a page with a one-click new link", async () => {
        const link = await copyLink()
        await portalService(getContainer()).updatePortalTokens({ id: link.id, expires_at: new Date(Date.now() - 1000) })
        const response = await open(link.url)
        expect(response.status).toBe(410)
        expect(response.data).toContain("This link has expired")
        expect(response.data).toContain(`action="${pathOf(link.url)}/renew"`)

        const renew = await api.post(`${pathOf(link.url)}/renew`, "", noRedirect)
        expect(renew.status).toBe(200)
        expect(renew.data).toContain("Check your email")
      })

      it("revokes one link and keeps the others", async () => {
        const first = await copyLink()
        const second = await copyLink()
        const revoked = await api.delete(`/admin/customers/${customer.id}/portal-access/links/${first.id}`, adminHeaders)
        expect(revoked.data).toEqual({ id: first.id, object: "portal_link", deleted: true })
        expect((await open(first.url)).status).toBe(410)
        expect((await open(second.url)).status).toBe(303)
      })

      it("logs failed opens without the token", async () => {
        const link = await copyLink()
        await api.delete(`/admin/customers/${customer.id}/portal-access/links/${link.id}`, adminHeaders)
        await open(link.url)
        const events = (await api.get(`/admin/customers/${customer.id}/portal-activity`, adminHeaders)).data.events
        expect(events.map((e: any) => e.type)).toEqual(
          expect.arrayContaining(["link_created", "link_revoked", "link_open_failed"])
        )
        const failed = events.find((e: any) => e.type === "link_open_failed")
        expect(failed.data).toEqual({ reason: "revoked", via: "pages" })
        expect(JSON.stringify(events)).not.toContain(pathOf(link.url).split("/").pop())
      })
    })

    describe("disabling access", () => {
      it("ends links and the current session on the next request, and enabling needs a new link", async () => {
        const link = await copyLink()
        const cookie = sessionCookie(await open(link.url))
        expect((await api.get("/portal", asCookie(cookie))).status).toBe(200)

        const disabled = await api.post(`/admin/customers/${customer.id}/portal-access/disable`, {}, adminHeaders)
        expect(disabled.data.portal_access).toEqual(expect.objectContaining({ status: "disabled", enabled: false, links: [] }))

        const refused = await api.get("/portal", asCookie(cookie))
        expect(refused.status).toBe(403)
        expect(refused.data).toContain("Your portal access is turned off")
        // Disabling revoked the link; its page names the reason and offers no new link, which could never arrive.
        const linkPage = await open(link.url)
        expect(linkPage.status).toBe(403)
        expect(linkPage.data).toContain("Your portal access is turned off")
        expect(linkPage.data).not.toContain("Email me a new link")
        const copyWhileDisabled = await api
          .post(`/admin/customers/${customer.id}/portal-access/link`, {}, adminHeaders)
          .catch(fail)
        expect(copyWhileDisabled.status).toBe(409)
        expect(copyWhileDisabled.data.message).toMatch(/disabled/)

        await api.post(`/admin/customers/${customer.id}/portal-access/enable`, {}, adminHeaders)
        // The old session came from a revoked link: it stays dead.
        expect((await api.get("/portal", asCookie(cookie))).status).toBe(401)
        const fresh = await copyLink()
        expect((await open(fresh.url)).status).toBe(303)
      })

      it("closes every session when the portal is turned off", async () => {
        const cookie = sessionCookie(await open((await copyLink()).url))
        await api.post("/admin/portal/settings", { enabled: false }, adminHeaders)
        const response = await api.get("/portal", asCookie(cookie))
        expect(response.status).toBe(403)
        expect(response.data).toContain("The portal is not available")
      })
    })

    describe("storefront token exchange", () => {
      it("exchanges a link token for a portal session token that works on the portal routes only", async () => {
        const container = getContainer()
        const { result: apiKeys } = await (
          await import("@medusajs/medusa/core-flows")
        ).createApiKeysWorkflow(container).run({
          input: { api_keys: [{ title: "store", type: "publishable", created_by: "test" }] },
        })
        const storeHeaders = { headers: { "x-publishable-api-key": apiKeys[0].token } }
        const token = pathOf((await copyLink()).url).split("/").pop()

        const exchanged = await api.post("/store/portal/auth", { token }, storeHeaders)
        const auth = { headers: { ...storeHeaders.headers, authorization: `Bearer ${exchanged.data.token}` } }

        const me = await api.get("/store/customers/me", auth).catch(fail)
        expect(me.status).toBe(401)
        const portalMe = await api.get("/store/portal/me", auth)
        expect(portalMe.data.customer.id).toBe(customer.id)
        expect(portalMe.data.portal.sections.invoices).toBe(true)

        const bad = await api.post("/store/portal/auth", { token: "nope" }, storeHeaders).catch(fail)
        expect(bad.status).toBe(401)
        const noAuth = await api.get("/store/portal/me", storeHeaders).catch(fail)
        expect(noAuth.status).toBe(401)
      })
    })

    describe("one open-link workflow for the link page and the storefront", () => {
      const storeKey = async () => {
        const { result } = await (await import("@medusajs/medusa/core-flows")).createApiKeysWorkflow(getContainer()).run({
          input: { api_keys: [{ title: "store", type: "publishable", created_by: "test" }] },
        })
        return { "x-publishable-api-key": result[0].token }
      }
      const tokenOf = (link: { url: string }) => pathOf(link.url).split("/").pop()!

      it("starts a session the same way on both faces: one link_opened each, link and customer stamped", async () => {
        const pageLink = await copyLink()
        expect((await open(pageLink.url)).status).toBe(303)
        const afterPage = (await api.get(`/admin/customers/${customer.id}/portal-access`, adminHeaders)).data.portal_access
        const storeLink = await copyLink()
        const exchanged = await api.post("/store/portal/auth", { token: tokenOf(storeLink) }, { headers: await storeKey() })
        expect(exchanged.status).toBe(200)
        const afterStore = (await api.get(`/admin/customers/${customer.id}/portal-access`, adminHeaders)).data.portal_access

        const opened = await portalService(getContainer()).listPortalEvents({ type: "link_opened", customer_id: customer.id })
        expect(opened.map((e) => e.data).sort((a: any, b: any) => a.via.localeCompare(b.via))).toEqual([
          { link_id: pageLink.id, via: "pages" },
          { link_id: storeLink.id, via: "store" },
        ])
        expect(new Date(afterStore.last_opened_at).getTime()).toBeGreaterThan(new Date(afterPage.last_opened_at).getTime())
        for (const link of afterStore.links) {
          expect(link.last_used_at).toEqual(expect.any(String))
        }
        const sessions = await portalService(getContainer()).listPortalSessions({ customer_id: customer.id })
        expect(sessions.map((s) => s.channel).sort()).toEqual(["pages", "store"])
      })

      it("ends the portal session the storefront's Bearer token carries, as the link page ends the browser's", async () => {
        const headers = await storeKey()
        const first = (await api.post("/store/portal/auth", { token: tokenOf(await copyLink()) }, { headers })).data.token
        const bearer = (token: string) => ({ headers: { ...headers, authorization: `Bearer ${token}` }, ...noRedirect })
        expect((await api.get("/store/portal/me", bearer(first))).status).toBe(200)

        const second = await api.post("/store/portal/auth", { token: tokenOf(await copyLink()) }, bearer(first))
        expect(second.status).toBe(200)
        expect((await api.get("/store/portal/me", bearer(first))).status).toBe(401)
        expect((await api.get("/store/portal/me", bearer(second.data.token))).status).toBe(200)

        // Without a Bearer token nothing else ends: another device's session stays.
        const third = await api.post("/store/portal/auth", { token: tokenOf(await copyLink()) }, { headers })
        expect((await api.get("/store/portal/me", bearer(second.data.token))).status).toBe(200)
        expect((await api.get("/store/portal/me", bearer(third.data.token))).status).toBe(200)
      })

      it("counts a wrong token of any length as a failed open on both faces, against one limit per address", async () => {
        const headers = await storeKey()
        const long = await api.post("/store/portal/auth", { token: "x".repeat(300) }, { headers, ...noRedirect })
        expect(long.status).toBe(401)
        expect(long.data.message).toBe("This portal link is not valid")
        const failures = await portalService(getContainer()).listPortalEvents({ type: "link_open_failed" })
        expect(failures.map((e) => e.data)).toEqual([{ reason: "unknown", via: "store" }])

        for (let i = 0; i < 19; i++) {
          expect((await api.post("/store/portal/auth", { token: `nope-${i}` }, { headers, ...noRedirect })).status).toBe(401)
        }
        // The 21st failure from this address is refused on the page as well.
        const page = await api.get(`/portal/access/${randomBytes(32).toString("base64url")}`, noRedirect)
        expect(page.status).toBe(429)
        const store = await api.post("/store/portal/auth", { token: "nope" }, { headers, ...noRedirect })
        expect(store.status).toBe(429)
        expect(Number(store.headers["retry-after"])).toBeGreaterThan(0)
        expect(await portalService(getContainer()).listPortalEvents({ type: "link_open_failed" })).toHaveLength(20)
      })

      it("checks the link inside the workflow: a refused link starts nothing, whoever runs it", async () => {
        const run = async (token: string) =>
          (
            await openPortalLinkWorkflow(getContainer()).run({
              input: {
                token_check: await portalService(getContainer()).verifyPortalToken(token),
                channel: "store",
                client_address: "192.0.2.10",
                max_seconds: 3600,
              },
            })
          ).result
        const link = await copyLink()
        await api.post("/admin/portal/settings", { enabled: false }, adminHeaders)
        expect(await run(tokenOf(link))).toEqual({ opened: false, reason: "portal_disabled" })
        await api.post("/admin/portal/settings", { enabled: true }, adminHeaders)
        await api.delete(`/admin/customers/${customer.id}/portal-access/links/${link.id}`, adminHeaders)
        expect(await run(tokenOf(link))).toEqual({ opened: false, reason: "revoked" })
        expect(await portalService(getContainer()).listPortalSessions({ customer_id: customer.id })).toEqual([])
        const fresh = await run(tokenOf(await copyLink()))
        expect(fresh).toEqual({ opened: true, session: expect.objectContaining({ customer_id: customer.id, channel: "store" }) })
      })
    })

    describe("owner routes", () => {
      it("reports never sent, then the live links", async () => {
        const before = (await api.get(`/admin/customers/${customer.id}/portal-access`, adminHeaders)).data.portal_access
        expect(before).toEqual(expect.objectContaining({ status: "never_sent", enabled: true, links: [], first_sent_at: null }))
        await copyLink()
        const after = (await api.get(`/admin/customers/${customer.id}/portal-access`, adminHeaders)).data.portal_access
        expect(after.links).toHaveLength(1)
        expect(after.links[0]).not.toHaveProperty("token_hash")
      })

      it("answers 404 for unknown customers and links, 401 without an admin", async () => {
        for (const path of ["portal-access", "portal-activity"]) {
          expect((await api.get(`/admin/customers/cus_missing/${path}`, adminHeaders).catch(fail)).status).toBe(404)
        }
        expect((await api.post(`/admin/customers/cus_missing/portal-access/link`, {}, adminHeaders).catch(fail)).status).toBe(404)
        const other = (await createCustomer(getContainer())) as any
        const link = await copyLink()
        const foreign = await api
          .delete(`/admin/customers/${other.id}/portal-access/links/${link.id}`, adminHeaders)
          .catch(fail)
        expect(foreign.status).toBe(404)
        expect((await api.get(`/admin/customers/${customer.id}/portal-access`).catch(fail)).status).toBe(401)

        // A customer's portal token is no admin token.
        const cookie = sessionCookie(await open(link.url))
        const jwt = cookie.split(";")[0].split("=")[1]
        const asCustomer = await api
          .get(`/admin/customers/${customer.id}/portal-access`, { headers: { authorization: `Bearer ${jwt}` } })
          .catch(fail)
        expect(asCustomer.status).toBe(401)
      })

      it("refuses to issue links while the portal is off", async () => {
        await api.post("/admin/portal/settings", { enabled: false }, adminHeaders)
        const response = await api.post(`/admin/customers/${customer.id}/portal-access/link`, {}, adminHeaders).catch(fail)
        expect(response.status).toBe(400)
        expect(response.data.message).toMatch(/portal is turned off/)
      })
    })

    describe("/portal/login", () => {
      it("answers known and unknown emails byte for byte the same", async () => {
        await copyLink() // gives the customer an access row
        const form = { headers: { "content-type": "application/x-www-form-urlencoded" }, ...noRedirect }
        const known = await api.post("/portal/login", `email=${encodeURIComponent(customer.email)}`, form)
        const unknown = await api.post("/portal/login", "email=nobody%40example.com", form)
        expect(known.status).toBe(200)
        expect(unknown.status).toBe(200)
        expect(known.data).toBe(unknown.data)
      })

      it("refuses the 6th request a minute for one email with 429 and Retry-After", async () => {
        const form = { headers: { "content-type": "application/x-www-form-urlencoded" }, ...noRedirect }
        const statuses: number[] = []
        let last: any
        for (let i = 0; i < 6; i++) {
          // A different client address each time, so only the per-email limit applies.
          last = await api.post("/portal/login", "email=limited%40example.com", {
            ...form,
            ...fromAddress(api, `127.0.1.${i + 1}`),
          })
          statuses.push(last.status)
        }
        expect(statuses).toEqual([200, 200, 200, 200, 200, 429])
        expect(Number(last.headers["retry-after"])).toBeGreaterThan(0)
      })

      it("refuses the 6th request a minute from one address", async () => {
        const form = { headers: { "content-type": "application/x-www-form-urlencoded" }, ...fromAddress(api, "127.0.2.1"), ...noRedirect }
        const statuses: number[] = []
        for (let i = 0; i < 6; i++) {
          statuses.push((await api.post("/portal/login", `email=person${i}%40example.com`, form)).status)
        }
        expect(statuses).toEqual([200, 200, 200, 200, 200, 429])
      })

      it("answers a malformed email next to the field", async () => {
        const response = await api.post("/portal/login", "email=not-an-email", {
          headers: { "content-type": "application/x-www-form-urlencoded" },
          ...noRedirect,
        })
        expect(response.status).toBe(400)
        expect(response.data).toContain('id="email-error"')
        expect(response.data).toContain("Enter a valid email address")
      })
    })
  },
})
