import { createApiKeysWorkflow } from "@medusajs/medusa/core-flows"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import jwt from "jsonwebtoken"
import { adminHeaders, createAdminUser } from "../../utils/admin"
import { createCustomer } from "../../utils/customer"
import { portalService, seedInvoice } from "../../utils/portal"
import { csrfFrom, noRedirect, pressOpenLink, sessionCookieFrom } from "../portal/helpers"

jest.setTimeout(120_000)

const fail = (e: any) => e.response

/**
 * A link grants the portal and nothing else: its session is refused by Medusa's own routes, ends
 * with sign out, revocation, disabling, the portal switch and the customer's deletion, and
 * opening a link (as a mail scanner does) changes nothing until a person presses the button.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let customer: { id: string; email: string }
    let storeHeaders: Record<string, string>

    beforeEach(async () => {
      const container = getContainer()
      await createAdminUser(adminHeaders, container)
      await portalService(container).updateSettings({ enabled: true, allow_profile_updates: false })
      customer = (await createCustomer(container, { first_name: "Jane" })) as any
      const { result: keys } = await createApiKeysWorkflow(container).run({
        input: { api_keys: [{ title: "store", type: "publishable", created_by: "test" }] },
      })
      storeHeaders = { "x-publishable-api-key": keys[0].token }
    })

    const copyLink = async (customerId = customer.id) =>
      (await api.post(`/admin/customers/${customerId}/portal-access/link`, {}, adminHeaders)).data.link as {
        id: string
        url: string
      }
    const tokenOf = (url: string) => new URL(url).pathname.split("/").pop()!
    const pageSession = async (customerId = customer.id) => sessionCookieFrom(await pressOpenLink(api, (await copyLink(customerId)).url))
    const jwtOf = (cookie: string) => cookie.split("=")[1]
    const storeToken = async () => (await api.post("/store/portal/auth", { token: tokenOf((await copyLink()).url) }, { headers: storeHeaders })).data.token as string
    const bearer = (token: string) => ({ headers: { ...storeHeaders, authorization: `Bearer ${token}` }, ...noRedirect })

    /** Medusa's own customer routes a customer token would open. */
    const coreCustomerRoutes = (token: string) => [
      api.get("/store/customers/me", bearer(token)),
      api.post("/store/customers/me", { first_name: "Mallory" }, bearer(token)),
      api.get("/store/customers/me/addresses", bearer(token)),
      api.post("/store/customers/me/addresses", { address_1: "1 Evil St", city: "X", country_code: "us" }, bearer(token)),
    ]

    describe("least privilege", () => {
      it("refuses a page session and a storefront portal token on Medusa's own customer routes", async () => {
        for (const token of [jwtOf(await pageSession()), await storeToken()]) {
          const responses = await Promise.all(coreCustomerRoutes(token))
          expect(responses.map((r) => r.status)).toEqual([401, 401, 401, 401])
        }
        const stored = await getContainer().resolve("customer").retrieveCustomer(customer.id, { relations: ["addresses"] })
        expect(stored.first_name).toBe("Jane")
        expect(stored.addresses).toEqual([])
      })

      it("cannot be refreshed or converted into a Medusa customer login", async () => {
        const token = await storeToken()
        const refreshed = await api.post("/auth/token/refresh", {}, bearer(token))
        expect(refreshed.status).toBe(401)

        const session = await api.post("/auth/session", {}, bearer(token))
        const sid = ((session.headers["set-cookie"] as string[] | undefined) ?? []).map((c) => c.split(";")[0]).join("; ")
        const me = await api.get("/store/customers/me", { headers: { ...storeHeaders, cookie: sid }, ...noRedirect })
        expect(me.status).toBe(401)
      })

      it("refuses a forged session id and a customer token signed for someone else's session", async () => {
        await copyLink() // the customer has portal access: only the session is wrong
        const other = (await createCustomer(getContainer())) as any
        const otherSession = jwt.decode(jwtOf(await pageSession(other.id))) as any
        const forged = jwt.sign(
          { actor_id: customer.id, actor_type: "portal_customer", auth_identity_id: "", app_metadata: { portal_session_id: otherSession.app_metadata.portal_session_id } },
          process.env.JWT_SECRET!,
          { expiresIn: "1h" }
        )
        expect((await api.get("/store/portal/invoices", bearer(forged))).status).toBe(401)
        const noSession = jwt.sign(
          { actor_id: customer.id, actor_type: "portal_customer", auth_identity_id: "", app_metadata: {} },
          process.env.JWT_SECRET!,
          { expiresIn: "1h" }
        )
        expect((await api.get("/store/portal/invoices", bearer(noSession))).status).toBe(401)
        expect((await api.get("/portal", { headers: { cookie: `portal_session=${noSession}` }, ...noRedirect })).status).toBe(401)
      })

      it("ends on every revocation, on Medusa's routes and the portal's alike", async () => {
        const revocations: Array<[string, (linkId: string) => Promise<unknown>]> = [
          ["link revoked", (linkId) => api.delete(`/admin/customers/${customer.id}/portal-access/links/${linkId}`, adminHeaders)],
          ["access disabled", () => api.post(`/admin/customers/${customer.id}/portal-access/disable`, {}, adminHeaders)],
          ["portal off", () => api.post("/admin/portal/settings", { enabled: false }, adminHeaders)],
        ]
        for (const [name, revoke] of revocations) {
          await api.post("/admin/portal/settings", { enabled: true }, adminHeaders)
          await api.post(`/admin/customers/${customer.id}/portal-access/enable`, {}, adminHeaders)
          const link = await copyLink()
          const { data } = await api.post("/store/portal/auth", { token: tokenOf(link.url) }, { headers: storeHeaders })
          expect([name, (await api.get("/store/portal/invoices", bearer(data.token))).status]).toEqual([name, 200])
          await revoke(link.id)
          const after = await Promise.all([api.get("/store/portal/invoices", bearer(data.token)), ...coreCustomerRoutes(data.token)])
          expect([name, after.map((r) => r.status)]).toEqual([name, [name === "link revoked" ? 401 : 403, 401, 401, 401, 401]])
        }
      })
    })

    describe("a deleted customer", () => {
      it("loses every session on the next request; the documents stay for the owner", async () => {
        const invoice = await seedInvoice(getContainer(), customer.id, "sent")
        const cookie = await pageSession()
        const token = await storeToken()
        expect((await api.get(`/portal/invoices/${invoice.id}`, { headers: { cookie }, ...noRedirect })).status).toBe(200)

        await api.delete(`/admin/customers/${customer.id}`, adminHeaders)

        const page = await api.get(`/portal/invoices/${invoice.id}`, { headers: { cookie }, ...noRedirect })
        expect(page.status).toBe(403)
        expect(page.data).toContain("This account is closed")
        expect(page.data).not.toContain(invoice.display_number)
        const json = await api.get("/store/portal/invoices", bearer(token))
        expect(json.status).toBe(403)
        expect(JSON.stringify(json.data)).not.toContain(invoice.id)
        const owner = await api.get(`/admin/invoices/${invoice.id}`, adminHeaders)
        expect(owner.data.invoice.id).toBe(invoice.id)
      })

      it("is closed out of the portal at once by the admin's delete, with no request asking the Customer module", async () => {
        const token = await storeToken()
        await api.delete(`/admin/customers/${customer.id}`, adminHeaders)
        // Marked inside Medusa's delete workflow (its customersDeleted hook), before the DELETE answered.
        const [access] = await portalService(getContainer()).listPortalAccesses({ customer_id: customer.id })
        expect(access.customer_deleted_at).not.toBeNull()
        expect((await api.get("/store/portal/invoices", bearer(token))).status).toBe(403)
      })

      it("deleted through the Customer module itself: closed once its event is handled; restored: open again at the owner's next link", async () => {
        const token = await storeToken()
        const customers = getContainer().resolve("customer")
        const status = async () => (await api.get("/store/portal/invoices", bearer(token))).status
        const settles = async (expected: number) => {
          for (let i = 0; i < 50 && (await status()) !== expected; i++) {
            await new Promise((resolve) => setTimeout(resolve, 100))
          }
          return status()
        }
        expect(await status()).toBe(200)
        await customers.softDeleteCustomers([customer.id])
        expect(await settles(403)).toBe(403)
        expect((await api.get("/store/portal/invoices", bearer(token))).data.message).toMatch(/closed|no longer exists/i)
        // The Customer module emits no event on restore: the owner's next link finds the customer and opens the portal.
        await customers.restoreCustomers([customer.id])
        expect(await status()).toBe(403)
        await copyLink()
        expect(await status()).toBe(200)
      })

      it("cannot open a link sent before the deletion", async () => {
        const link = await copyLink()
        await api.delete(`/admin/customers/${customer.id}`, adminHeaders)
        const page = await api.get(new URL(link.url).pathname, noRedirect)
        expect(page.status).toBe(403)
        expect(page.data).toContain("This account is closed")
        const exchanged = await api.post("/store/portal/auth", { token: tokenOf(link.url) }, { headers: storeHeaders }).catch(fail)
        expect(exchanged.status).toBe(401)
        expect(exchanged.data.message).toBe("This customer account no longer exists")
      })
    })

    describe("opening a link is safe to prefetch", () => {
      it("changes nothing on a bare GET: no session, no open recorded, no activity", async () => {
        const link = await copyLink()
        const before = await portalService(getContainer()).listPortalEvents({ customer_id: customer.id })
        for (let i = 0; i < 3; i++) {
          const page = await api.get(new URL(link.url).pathname, noRedirect)
          expect(page.status).toBe(200)
          const cookies = (page.headers["set-cookie"] as string[]).map((c) => c.split("=")[0])
          expect(cookies).toEqual(["portal_link_nonce"])
        }
        const portal = portalService(getContainer())
        expect(await portal.listPortalEvents({ customer_id: customer.id })).toEqual(before)
        expect(await portal.listPortalSessions({ customer_id: customer.id })).toEqual([])
        const [token] = await portal.listPortalTokens({ id: link.id })
        expect(token.last_used_at).toBeNull()
        const [access] = await portal.listPortalAccesses({ customer_id: customer.id })
        expect(access.last_opened_at).toBeNull()
      })

      it("refuses the button without this browser's nonce (login CSRF): no session starts", async () => {
        const link = await copyLink()
        const page = await api.get(new URL(link.url).pathname, noRedirect)
        // Another site can post the form, but the victim's browser does not send the Lax nonce cookie.
        const forged = await api.post(
          new URL(link.url).pathname,
          new URLSearchParams({ _csrf: csrfFrom(page.data) }).toString(),
          { headers: { "content-type": "application/x-www-form-urlencoded" }, ...noRedirect }
        )
        expect(forged.status).toBe(403)
        expect(forged.headers["set-cookie"]).toBeUndefined()
        expect(await portalService(getContainer()).listPortalSessions({ customer_id: customer.id })).toEqual([])
      })

      it("never switches an existing session to another customer without asking", async () => {
        const mine = await pageSession()
        const attacker = (await createCustomer(getContainer(), { first_name: "Mallory" })) as any
        const attackerLink = await copyLink(attacker.id)

        const page = await api.get(new URL(attackerLink.url).pathname, { headers: { cookie: mine }, ...noRedirect })
        expect(page.status).toBe(200)
        expect(page.data).toContain("Switch account?")
        expect(page.data).toContain("You are signed in to this portal as <strong>Jane Doe</strong>")
        expect(((page.headers["set-cookie"] as string[]) ?? []).some((c) => c.startsWith("portal_session="))).toBe(false)
        const home = await api.get("/portal", { headers: { cookie: mine }, ...noRedirect })
        expect(home.data).toContain("Hello, Jane")

        // Pressing "Continue" switches, and ends the previous session on the server.
        const switched = await pressOpenLink(api, attackerLink.url, mine)
        expect(switched.status).toBe(303)
        expect((await api.get("/portal", { headers: { cookie: mine }, ...noRedirect })).status).toBe(401)
      })

      it("sends a browser already signed in as that customer straight to the portal", async () => {
        const cookie = await pageSession()
        const again = await api.get(new URL((await copyLink()).url).pathname, { headers: { cookie }, ...noRedirect })
        expect(again.status).toBe(303)
        expect(again.headers.location).toBe("/portal")
      })
    })

    describe("sign out", () => {
      it("needs the form's CSRF token and ends the session on the server", async () => {
        const cookie = await pageSession()
        const home = await api.get("/portal", { headers: { cookie }, ...noRedirect })
        const form = { headers: { cookie, "content-type": "application/x-www-form-urlencoded" }, ...noRedirect }

        const forged = await api.post("/portal/logout", "", form)
        expect(forged.status).toBe(403)
        expect((await api.get("/portal", { headers: { cookie }, ...noRedirect })).status).toBe(200)

        const out = await api.post("/portal/logout", new URLSearchParams({ _csrf: csrfFrom(home.data) }).toString(), form)
        expect(out.status).toBe(200)
        expect(out.data).toContain("You are signed out")
        expect(out.data).toContain('href="/portal/login"')
        expect((out.headers["set-cookie"] as string[]).find((c) => c.startsWith("portal_session="))).toMatch(/Expires=Thu, 01 Jan 1970/)

        // The old cookie, kept by an attacker or a shared computer, no longer works.
        const reused = await api.get("/portal", { headers: { cookie }, ...noRedirect })
        expect(reused.status).toBe(401)
        const events = await portalService(getContainer()).listPortalEvents({ customer_id: customer.id, type: "signed_out" })
        expect(events).toHaveLength(1)
      })

      it("ends a storefront session with DELETE /store/portal/auth", async () => {
        const token = await storeToken()
        expect((await api.delete("/store/portal/auth", bearer(token))).status).toBe(200)
        expect((await api.get("/store/portal/invoices", bearer(token))).status).toBe(401)
      })
    })
  },
})
