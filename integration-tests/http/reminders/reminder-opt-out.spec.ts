import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createApiKeysWorkflow } from "@medusajs/medusa/core-flows"
import { createPortalLinkWorkflow } from "../../../src/workflows/access"
import { adminHeaders, createAdminUser } from "../../utils/admin"
import { createCustomer } from "../../utils/customer"
import { expectError, portalService } from "../../utils/portal"
import { csrfFrom, formPost, portalSession } from "../portal/helpers"

jest.setTimeout(120_000)

/** The reminder schedule's settings and the per-customer opt-out on its three faces. */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let customer: { id: string; email: string }
    const optOut = async () =>
      (await portalService(getContainer()).listPortalAccesses({ customer_id: customer.id }))[0]?.reminders_opt_out
    const fail = (e: any) => e.response

    beforeEach(async () => {
      await createAdminUser(adminHeaders, getContainer())
      await portalService(getContainer()).updateSettings({ enabled: true })
      customer = (await createCustomer(getContainer(), { first_name: "Jane" })) as any
    })

    it("saves the owner's schedule and refuses a bad value with a 400 naming the field", async () => {
      const saved = await api.post(
        "/admin/portal/settings",
        { reminders_enabled: true, reminder_days_before: 2, reminder_on_due_date: false, reminder_every_days_after: 10, reminder_max: 4 },
        adminHeaders
      )
      expect(saved.data.portal_settings).toEqual(
        expect.objectContaining({
          reminders_enabled: true,
          reminder_days_before: 2,
          reminder_on_due_date: false,
          reminder_every_days_after: 10,
          reminder_max: 4,
        })
      )
      for (const [field, value] of [
        ["reminder_max", 1000],
        ["reminder_days_before", -1],
        ["reminder_every_days_after", 1.5],
        ["reminder_max", "3"],
        ["reminders_enabled", "yes"],
      ] as const) {
        expectError(await api.post("/admin/portal/settings", { [field]: value }, adminHeaders).catch(fail), 400, field)
      }
      expect((await api.get("/admin/portal/settings", adminHeaders)).data.portal_settings.reminder_max).toBe(4)
    })

    it("lets the owner turn reminders off and on for a customer, and logs it", async () => {
      const off = await api.post(`/admin/customers/${customer.id}/portal-access/reminders`, { opt_out: true }, adminHeaders)
      expect(off.data.portal_access.reminders_opt_out).toBe(true)
      expect(await optOut()).toBe(true)
      expect((await api.get(`/admin/customers/${customer.id}/portal-access`, adminHeaders)).data.portal_access.reminders_opt_out).toBe(true)
      await api.post(`/admin/customers/${customer.id}/portal-access/reminders`, { opt_out: false }, adminHeaders)
      expect(await optOut()).toBe(false)
      const logged = await portalService(getContainer()).listPortalEvents({ customer_id: customer.id, type: "reminders_opt_out_changed" })
      expect(logged.map((e) => [e.actor, (e.data as any).opt_out]).sort()).toEqual([
        ["owner", false],
        ["owner", true],
      ])

      expectError(await api.post(`/admin/customers/${customer.id}/portal-access/reminders`, { opt_out: "yes" }, adminHeaders).catch(fail), 400, "opt_out")
      expectError(await api.post(`/admin/customers/${customer.id}/portal-access/reminders`, {}, adminHeaders).catch(fail), 400, "opt_out")
      expectError(await api.post(`/admin/customers/cus_missing/portal-access/reminders`, { opt_out: true }, adminHeaders).catch(fail), 404)
    })

    it("lets the customer turn reminders off and on in Profile", async () => {
      const session = await portalSession(api, getContainer(), customer.id)
      const page = await api.get("/portal/profile", session)
      expect(page.data).toContain("Payment reminders are <strong>on</strong>")
      const off = await api.post(
        "/portal/profile/reminders",
        new URLSearchParams({ _csrf: csrfFrom(page.data), reminders: "off" }).toString(),
        formPost(session)
      )
      expect(off.status).toBe(303)
      expect(await optOut()).toBe(true)
      expect((await api.get("/portal/profile", session)).data).toContain("Payment reminders are <strong>off</strong>")

      const bad = await api.post(
        "/portal/profile/reminders",
        new URLSearchParams({ _csrf: csrfFrom(page.data), reminders: "maybe" }).toString(),
        formPost(session)
      )
      expect(bad.status).toBe(400)
      const forged = await api.post("/portal/profile/reminders", new URLSearchParams({ reminders: "on" }).toString(), formPost(session))
      expect(forged.status).toBe(403)
      expect(await optOut()).toBe(true)
    })

    it("lets a storefront read and set the customer's choice as JSON", async () => {
      const { result: keys } = await createApiKeysWorkflow(getContainer()).run({
        input: { api_keys: [{ title: "store", type: "publishable", created_by: "test" }] },
      })
      const storeHeaders = { "x-publishable-api-key": keys[0].token }
      const { result: link } = await createPortalLinkWorkflow(getContainer()).run({ input: { customer_id: customer.id } })
      const token = new URL(link.url).pathname.split("/").pop()
      const { data } = await api.post("/store/portal/auth", { token }, { headers: storeHeaders })
      const auth = { headers: { ...storeHeaders, authorization: `Bearer ${data.token}` } }

      expect((await api.get("/store/portal/profile/reminders", auth)).data).toEqual({ reminders_opt_out: false })
      expect((await api.post("/store/portal/profile/reminders", { opt_out: true }, auth)).data).toEqual({ reminders_opt_out: true })
      expect((await api.get("/store/portal/profile/reminders", auth)).data).toEqual({ reminders_opt_out: true })
      expectError(await api.post("/store/portal/profile/reminders", { opt_out: 1 }, auth).catch(fail), 400, "opt_out")
      expectError(await api.post("/store/portal/profile/reminders", { opt_out: true, customer_id: "x" }, auth).catch(fail), 400)
      const logged = await portalService(getContainer()).listPortalEvents({ customer_id: customer.id, type: "reminders_opt_out_changed" })
      expect(logged.map((e) => e.actor)).toEqual(["customer"])
    })

    it("runs the due reminders now for the owner, taking no input", async () => {
      const run = await api.post("/admin/portal/reminders/run", {}, adminHeaders)
      expect(run.data.reminders).toEqual(expect.objectContaining({ due: 0, sent: 0 }))
      expectError(await api.post("/admin/portal/reminders/run", { now: "2099-01-01" }, adminHeaders).catch(fail), 400)
    })
  },
})
