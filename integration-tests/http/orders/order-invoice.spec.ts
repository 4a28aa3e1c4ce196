import { Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { adminHeaders, createAdminUser } from "../../utils/admin"
import { createCustomer } from "../../utils/customer"
import { portalService } from "../../utils/portal"

jest.setTimeout(120_000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    beforeEach(async () => {
      await createAdminUser(adminHeaders, getContainer())
    })

    const createOrder = async (customerId: string | null) => {
      const [order] = await getContainer()
        .resolve(Modules.ORDER)
        .createOrders([{
          currency_code: "usd",
          customer_id: customerId ?? undefined,
          email: "buyer@example.com",
          items: [
            {
              title: "T-shirt",
              product_title: "Medusa T-shirt",
              variant_title: "L",
              quantity: 2,
              unit_price: 19.99,
              tax_lines: [{ code: "VAT", rate: 10 }],
            },
            {
              title: "Mug",
              quantity: 3,
              unit_price: 8,
              adjustments: [{ code: "MUG", amount: 4 }],
            },
          ],
          shipping_methods: [{ name: "Standard", amount: 5 }],
        } as any])
      return order
    }

    it("creates a draft invoice with the order's lines, once", async () => {
      const customer = await createCustomer(getContainer())
      const order = await createOrder(customer.id)

      const response = await api.post(`/admin/orders/${order.id}/invoice`, { notes: "Thanks!" }, adminHeaders)
      expect(response.status).toBe(200)
      const { invoice } = response.data
      expect(invoice).toEqual(
        expect.objectContaining({
          status: "draft",
          order_id: order.id,
          customer_id: customer.id,
          currency_code: "usd",
          notes: "Thanks!",
          // 39.98 + 4.00 tax + (24 − 4) + 5 shipping
          total: 68.98,
        })
      )
      expect(invoice.lines.map((l: any) => l.title).sort()).toEqual(["Medusa T-shirt", "Mug", "Shipping: Standard"])

      const again = await api.post(`/admin/orders/${order.id}/invoice`, {}, adminHeaders).catch((e) => e.response)
      expect(again.status).toBe(409)
      expect(again.data.message).toMatch(/already has invoice/)
    })

    it("refuses an order without a customer and an unknown order", async () => {
      const order = await createOrder(null)
      const noCustomer = await api.post(`/admin/orders/${order.id}/invoice`, {}, adminHeaders).catch((e) => e.response)
      expect(noCustomer.status).toBe(400)
      expect(noCustomer.data.message).toMatch(/has no customer/)

      const missing = await api.post(`/admin/orders/order_missing/invoice`, {}, adminHeaders).catch((e) => e.response)
      expect(missing.status).toBe(404)
      expect(await portalService(getContainer()).listPortalInvoices({})).toHaveLength(0)
    })
  },
})
