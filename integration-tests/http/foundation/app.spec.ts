import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { PORTAL_MODULE } from "../../../src/modules/portal"
import type PortalModuleService from "../../../src/modules/portal/service"

jest.setTimeout(120_000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    it("serves /health with the plugin loaded", async () => {
      const response = await api.get("/health")
      expect(response.status).toBe(200)
    })

    it("registers the Portal module with its tables migrated", async () => {
      const portal = getContainer().resolve<PortalModuleService>(PORTAL_MODULE)
      const settings = await portal.retrieveSettings()
      expect(settings.enabled).toBe(false)
    })

    it("resolves an invoice's and an estimate's customer through the read-only links", async () => {
      const container = getContainer()
      const customer = await container
        .resolve(Modules.CUSTOMER)
        .createCustomers({ email: "jane@example.com", first_name: "Jane" })
      const portal = container.resolve<PortalModuleService>(PORTAL_MODULE)
      const invoice = await portal.createDraftInvoice({
        customer_id: customer.id,
        currency_code: "eur",
        lines: [{ title: "Boiler service", quantity: 1, unit_price: 120 }],
      })
      const estimate = await portal.createDraftEstimate({
        customer_id: customer.id,
        currency_code: "eur",
        lines: [{ title: "New radiator", quantity: 2, unit_price: 310.5 }],
      })

      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const { data: invoices } = await query.graph({
        entity: "portal_invoice",
        fields: ["id", "total", "lines.title", "customer.email"],
        filters: { id: invoice.id },
      })
      expect(invoices[0]).toEqual(
        expect.objectContaining({ total: 120, customer: expect.objectContaining({ email: "jane@example.com" }) })
      )

      const { data: estimates } = await query.graph({
        entity: "portal_estimate",
        fields: ["id", "total", "customer.first_name"],
        filters: { customer_id: customer.id },
      })
      expect(estimates).toEqual([expect.objectContaining({ id: estimate.id, total: 621, customer: { first_name: "Jane", id: customer.id } })])
    })
  },
})
