import { Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { adminHeaders, createAdminUser } from "../../utils/admin"
import { createCustomer } from "../../utils/customer"
import { portalService, seedEstimate, seedInvoice } from "../../utils/portal"
import { csrfFrom, formPost, portalSession } from "./helpers"

jest.setTimeout(120_000)

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString()

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let customer: { id: string; email: string }
    let session: any

    beforeEach(async () => {
      await createAdminUser(adminHeaders, getContainer())
      await portalService(getContainer()).updateSettings({ enabled: true, allow_service_history: true })
      customer = (await createCustomer(getContainer(), { first_name: "Sam", phone: "+1 555 0100" })) as any
      session = await portalSession(api, getContainer(), customer.id)
    })

    const validProfile = {
      first_name: "Samuel",
      last_name: "Okafor",
      company_name: "Okafor & Sons",
      phone: "+1 555 0199",
      address_1: "12 Market Street",
      address_2: "",
      city: "Springfield",
      postal_code: "62701",
      province: "IL",
      country_code: "US",
    }

    describe("profile", () => {
      it("saves through Medusa's customer workflows: the owner sees the change", async () => {
        const page = await api.get("/portal/profile", session)
        expect(page.status).toBe(200)
        expect(page.data).toContain(customer.email)
        const saved = await api.post("/portal/profile", form({ ...validProfile, _csrf: csrfFrom(page.data) }), formPost(session))
        expect(saved.status).toBe(303)
        expect(saved.headers.location).toBe("/portal/profile?saved=1")

        const admin = await api.get(`/admin/customers/${customer.id}?fields=*addresses`, adminHeaders)
        expect(admin.data.customer).toEqual(
          expect.objectContaining({ first_name: "Samuel", phone: "+1 555 0199", company_name: "Okafor & Sons", email: customer.email })
        )
        expect(admin.data.customer.addresses).toEqual([
          expect.objectContaining({ address_1: "12 Market Street", city: "Springfield", country_code: "us", is_default_billing: true }),
        ])

        // A second save updates the same address instead of adding one.
        const again = await api.post(
          "/portal/profile",
          form({ ...validProfile, city: "Shelbyville", _csrf: csrfFrom(page.data) }),
          formPost(session)
        )
        expect(again.status).toBe(303)
        const addresses = await getContainer().resolve(Modules.CUSTOMER).listCustomerAddresses({ customer_id: customer.id })
        expect(addresses.map((a) => a.city)).toEqual(["Shelbyville"])
        const events = await portalService(getContainer()).listPortalEvents({ customer_id: customer.id, type: "profile_updated" })
        expect(events).toHaveLength(2)
      })

      it("answers bad input next to the field and saves nothing", async () => {
        const csrf = csrfFrom((await api.get("/portal/profile", session)).data)
        const response = await api.post(
          "/portal/profile",
          form({ ...validProfile, phone: "call me maybe", country_code: "XX", city: "", _csrf: csrf }),
          formPost(session)
        )
        expect(response.status).toBe(400)
        expect(response.data).toContain('id="phone-error"')
        expect(response.data).toContain("Enter a phone number")
        expect(response.data).toContain('id="country_code-error"')
        expect(response.data).toContain('id="city-error"')
        const stored = await getContainer().resolve(Modules.CUSTOMER).retrieveCustomer(customer.id, { relations: ["addresses"] })
        expect(stored).toEqual(expect.objectContaining({ first_name: "Sam", phone: "+1 555 0100" }))
        expect(stored.addresses).toHaveLength(0)
      })

      it("never changes the email", async () => {
        const csrf = csrfFrom((await api.get("/portal/profile", session)).data)
        const response = await api.post(
          "/portal/profile",
          form({ ...validProfile, email: "attacker@example.com", _csrf: csrf }),
          formPost(session)
        )
        expect(response.status).toBe(400)
        const stored = await getContainer().resolve(Modules.CUSTOMER).retrieveCustomer(customer.id)
        expect(stored.email).toBe(customer.email)
        expect(stored.first_name).toBe("Sam")
      })

      it("is closed when profile updates are turned off", async () => {
        const csrf = csrfFrom((await api.get("/portal/profile", session)).data)
        await portalService(getContainer()).updateSettings({ allow_profile_updates: false })
        expect((await api.get("/portal/profile", session)).status).toBe(403)
        const post = await api.post("/portal/profile", form({ ...validProfile, _csrf: csrf }), formPost(session))
        expect(post.status).toBe(403)
      })
    })

    describe("service history", () => {
      it("lists orders, paid invoices and accepted estimates, newest first", async () => {
        const [order] = await getContainer()
          .resolve(Modules.ORDER)
          .createOrders([{ currency_code: "eur", customer_id: customer.id, email: customer.email, items: [{ title: "Filter", quantity: 1, unit_price: 30 }] } as any])
        const invoice = await seedInvoice(getContainer(), customer.id, "paid")
        const accepted = await seedEstimate(getContainer(), customer.id, "accepted")
        const rejected = await seedEstimate(getContainer(), customer.id, "rejected")
        const pending = await seedEstimate(getContainer(), customer.id, "sent")
        const foreign = await seedInvoice(getContainer(), ((await createCustomer(getContainer())) as any).id, "paid")
        const page = await api.get("/portal/history", session)
        expect(page.status).toBe(200)
        expect(page.data).toContain(`Order #${order.display_id}`)
        expect(page.data).toContain(`/portal/invoices/${invoice.id}`)
        expect(page.data).toContain(`Estimate ${accepted.display_number} accepted`)
        expect(page.data).toContain(`/portal/estimates/${accepted.id}`)
        // Only accepted estimates belong to the history.
        expect(page.data).not.toContain(rejected.id)
        expect(page.data).not.toContain(pending.id)
        expect(page.data).not.toContain(foreign.id)
        // Newest first: the estimate was accepted after the invoice was paid, which was after the order.
        const estimateAt = page.data.indexOf(`/portal/estimates/${accepted.id}`)
        const invoiceAt = page.data.indexOf(`/portal/invoices/${invoice.id}`)
        expect(estimateAt).toBeLessThan(invoiceAt)
        expect(invoiceAt).toBeLessThan(page.data.indexOf(`Order #${order.display_id}`))
      })

      it("is closed when turned off", async () => {
        await portalService(getContainer()).updateSettings({ allow_service_history: false })
        expect((await api.get("/portal/history", session)).status).toBe(403)
      })
    })
  },
})
