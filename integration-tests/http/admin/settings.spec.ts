import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { adminHeaders, createAdminUser } from "../../utils/admin"
import { expectError, portalService } from "../../utils/portal"

jest.setTimeout(120_000)

const DEFAULTS = {
  enabled: false,
  allow_payments: true,
  allow_estimates: true,
  allow_invoices: true,
  allow_profile_updates: true,
  allow_service_history: false,
  link_ttl_days: 30,
  accent_color: "#2563eb",
  invoice_prefix: "INV-",
  estimate_prefix: "EST-",
  business_name: null,
  logo_url: null,
  support_email: null,
  owner_notification_email: null,
  payment_instructions: null,
  business_address: null,
  tax_id: null,
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    beforeEach(async () => {
      await createAdminUser(adminHeaders, getContainer())
    })

    const readSettings = async () => (await api.get("/admin/portal/settings", adminHeaders)).data.portal_settings

    describe("GET /admin/portal/settings", () => {
      it("answers with the defaults before anyone saved settings: the portal is off", async () => {
        const response = await api.get("/admin/portal/settings", adminHeaders)

        expect(response.status).toBe(200)
        expect(response.data.portal_settings).toEqual(expect.objectContaining(DEFAULTS))
      })

      it("refuses a request without an admin token", async () => {
        const response = await api.get("/admin/portal/settings").catch((e) => e.response)

        expect(response.status).toBe(401)
      })
    })

    describe("POST /admin/portal/settings", () => {
      it("turns the portal on and keeps every field it was not given", async () => {
        const response = await api.post("/admin/portal/settings", { enabled: true }, adminHeaders)

        expect(response.status).toBe(200)
        expect(response.data.portal_settings).toEqual(expect.objectContaining({ ...DEFAULTS, enabled: true }))
        expect(await readSettings()).toEqual(expect.objectContaining({ ...DEFAULTS, enabled: true }))
      })

      it("saves every setting at once and returns them", async () => {
        const all = {
          enabled: true,
          allow_payments: false,
          allow_estimates: false,
          allow_invoices: false,
          allow_profile_updates: false,
          allow_service_history: true,
          link_ttl_days: 7,
          accent_color: "#0f766e",
          invoice_prefix: "F-",
          estimate_prefix: "Q-",
          business_name: "Acme Plumbing",
          logo_url: "https://cdn.example.com/logo.png",
          support_email: "help@acme.test",
          owner_notification_email: "owner@acme.test",
          payment_instructions: "Bank transfer to Acme Plumbing LLC\nIBAN GB00 1234 5678\nReference: your invoice number",
          business_address: "12 Market Street\nSpringfield, IL 62701",
          tax_id: "EIN 12-3456789",
        }

        const response = await api.post("/admin/portal/settings", all, adminHeaders)

        expect(response.status).toBe(200)
        expect(response.data.portal_settings).toEqual(expect.objectContaining(all))
        expect(await portalService(getContainer()).retrieveSettings()).toEqual(expect.objectContaining(all))
      })

      it("applies successive partial updates on top of each other", async () => {
        await api.post("/admin/portal/settings", { business_name: "Acme", link_ttl_days: 14 }, adminHeaders)
        await api.post("/admin/portal/settings", { support_email: "help@acme.test" }, adminHeaders)

        expect(await readSettings()).toEqual(
          expect.objectContaining({
            ...DEFAULTS,
            business_name: "Acme",
            link_ttl_days: 14,
            support_email: "help@acme.test",
          })
        )
      })

      it("clears an optional text setting when given null", async () => {
        await api.post("/admin/portal/settings", { business_name: "Acme", support_email: "a@acme.test" }, adminHeaders)

        const response = await api.post("/admin/portal/settings", { support_email: null }, adminHeaders)

        expect(response.status).toBe(200)
        expect(response.data.portal_settings).toEqual(
          expect.objectContaining({ business_name: "Acme", support_email: null })
        )
      })

      it("trims the seller details and clears them when given null", async () => {
        const saved = await api.post(
          "/admin/portal/settings",
          { payment_instructions: "  Cheque to Acme\n", business_address: " 1 Main St\r\nSpringfield ", tax_id: " VAT 123 " },
          adminHeaders
        )
        expect(saved.data.portal_settings).toEqual(
          expect.objectContaining({ payment_instructions: "Cheque to Acme", business_address: "1 Main St\r\nSpringfield", tax_id: "VAT 123" })
        )
        const cleared = await api.post("/admin/portal/settings", { payment_instructions: null, tax_id: null }, adminHeaders)
        expect(cleared.data.portal_settings).toEqual(
          expect.objectContaining({ payment_instructions: null, business_address: "1 Main St\r\nSpringfield", tax_id: null })
        )
      })

      it.each([1, 365])("accepts a link lifetime of %p days (the bounds)", async (days) => {
        const response = await api.post("/admin/portal/settings", { link_ttl_days: days }, adminHeaders)

        expect(response.status).toBe(200)
        expect(response.data.portal_settings.link_ttl_days).toBe(days)
      })

      it.each<[string, Record<string, unknown>, string]>([
        ["an unknown field", { enable_everything: true }, "enable_everything"],
        ["a switch that is not a boolean", { enabled: "yes" }, "enabled"],
        ["a permission that is not a boolean", { allow_payments: 1 }, "allow_payments"],
        ["a link lifetime of 0 days", { link_ttl_days: 0 }, "link_ttl_days"],
        ["a link lifetime of 366 days", { link_ttl_days: 366 }, "link_ttl_days"],
        ["a link lifetime that is not a whole number", { link_ttl_days: 1.5 }, "link_ttl_days"],
        ["a link lifetime given as text", { link_ttl_days: "30" }, "link_ttl_days"],
        ["an accent colour by name", { accent_color: "blue" }, "accent_color"],
        ["an accent colour in short hex", { accent_color: "#fff" }, "accent_color"],
        ["an accent colour without #", { accent_color: "2563eb" }, "accent_color"],
        ["a support email that is not an email", { support_email: "not-an-email" }, "support_email"],
        ["an owner email that is not an email", { owner_notification_email: "owner@" }, "owner_notification_email"],
        ["a logo that is not a URL", { logo_url: "logo.png" }, "logo_url"],
        ["a business name that is not text", { business_name: 42 }, "business_name"],
        ["payment instructions that are not text", { payment_instructions: ["IBAN"] }, "payment_instructions"],
        ["payment instructions over 2000 characters", { payment_instructions: "x".repeat(2001) }, "payment_instructions"],
        ["payment instructions with a NUL byte", { payment_instructions: "IBAN\u0000" }, "payment_instructions"],
        ["a business address over 500 characters", { business_address: "x".repeat(501) }, "business_address"],
        ["a tax id on two lines", { tax_id: "GB123\n456" }, "tax_id"],
        ["a tax id over 50 characters", { tax_id: "x".repeat(51) }, "tax_id"],
      ])("refuses %s with a 400 naming the field and changes nothing", async (_case, body, field) => {
        await api.post("/admin/portal/settings", { business_name: "Before" }, adminHeaders)
        const before = await readSettings()

        const response = await api.post("/admin/portal/settings", body, adminHeaders).catch((e) => e.response)

        expectError(response, 400, field)
        expect(response.data.type).toBe("invalid_data")
        expect(await readSettings()).toEqual(before)
      })

      it("refuses a valid field sent together with an invalid one, saving neither", async () => {
        const before = await readSettings()

        const response = await api
          .post("/admin/portal/settings", { enabled: true, link_ttl_days: 0 }, adminHeaders)
          .catch((e) => e.response)

        expectError(response, 400, "link_ttl_days")
        expect(await readSettings()).toEqual(before)
        expect(before.enabled).toBe(false)
      })

      it("refuses a request without an admin token and changes nothing", async () => {
        const response = await api.post("/admin/portal/settings", { enabled: true }).catch((e) => e.response)

        expect(response.status).toBe(401)
        expect((await readSettings()).enabled).toBe(false)
      })
    })
  },
})
