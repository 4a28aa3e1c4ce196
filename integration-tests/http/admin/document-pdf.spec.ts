import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { readPdf } from "../../../src/lib/pdf/__tests__/extract-text"
import { adminHeaders, createAdminUser } from "../../utils/admin"
import { createCustomer } from "../../utils/customer"
import { invoiceBody } from "../../utils/portal"

jest.setTimeout(120_000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    beforeEach(async () => {
      await createAdminUser(adminHeaders, getContainer())
    })

    it("gives the owner the customer's PDF of a draft, 404 for a missing one, 401 without an admin", async () => {
      const customer = (await createCustomer(getContainer())) as any
      const { invoice } = (await api.post("/admin/invoices", invoiceBody(customer.id), adminHeaders)).data
      const response = await api.get(`/admin/invoices/${invoice.id}/pdf`, { ...adminHeaders, responseType: "arraybuffer" })
      expect(response.headers["content-type"]).toBe("application/pdf")
      const pdf = await readPdf(Buffer.from(response.data))
      expect(pdf.text).toContain("Boiler service")
      expect(pdf.text).toContain("Draft")
      expect((await api.get(`/admin/invoices/inv_missing/pdf`, adminHeaders).catch((e) => e.response)).status).toBe(404)
      expect((await api.get(`/admin/invoices/${invoice.id}/pdf`).catch((e) => e.response)).status).toBe(401)

      const lines = [
        { title: "Boiler service", quantity: 3, unit_price: 19.99 },
        { title: "Expansion vessel", quantity: 1, unit_price: 100, tax_rate: 20 },
      ]
      const { estimate } = (await api.post("/admin/estimates", invoiceBody(customer.id, { lines }), adminHeaders)).data
      const estimatePdf = await api.get(`/admin/estimates/${estimate.id}/pdf`, { ...adminHeaders, responseType: "arraybuffer" })
      expect(estimatePdf.headers["content-type"]).toBe("application/pdf")
      const estimateText = (await readPdf(Buffer.from(estimatePdf.data))).text
      // A draft has no number yet: the PDF is headed with its id (long enough to wrap).
      expect(estimateText).toMatch(new RegExp(`Estimate\\s+${estimate.id}\\s+Draft`))
      expect(estimateText).toMatch(/Boiler service\s+3\s+€19\.99\s+€59\.97/)
      expect(estimateText).toMatch(/Expansion vessel\s+1\s+€100\.00\s+20%\s+€100\.00/)
      expect(estimateText).toMatch(/Subtotal\s+€159\.97/)
      expect(estimateText).toMatch(/Tax\s+€20\.00/)
      expect(estimateText).toMatch(/Total\s+€179\.97/)
    })
  },
})
