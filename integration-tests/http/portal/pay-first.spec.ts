import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { readPdf } from "../../../src/lib/pdf/__tests__/extract-text"
import { adminHeaders, createAdminUser } from "../../utils/admin"
import { createCustomer } from "../../utils/customer"
import { portalService, seedEstimate, seedInvoice } from "../../utils/portal"
import { portalSession } from "./helpers"

jest.setTimeout(120_000)

const DAY = 86_400_000
const INSTRUCTIONS = "Bank transfer to Acme Plumbing LLC\nIBAN GB00 1234 5678\nReference: <your invoice number>"

/**
 * Issue #13, pay first: the invoice page opens with what is due, by when and how to pay; home
 * offers to pay the open balance and to review estimates; the owner's payment instructions and
 * seller details reach the page and the PDF; a line's amount means the same everywhere.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let customer: { id: string }
    let session: any
    const portal = () => portalService(getContainer())
    const pdfText = async (url: string, headers: any) => {
      const response = await api.get(url, { ...headers, responseType: "arraybuffer" })
      expect(response.status).toBe(200)
      return (await readPdf(Buffer.from(response.data))).text
    }

    beforeEach(async () => {
      await portal().updateSettings({ enabled: true, business_name: "Acme Plumbing", support_email: "help@acme.test" })
      customer = (await createCustomer(getContainer(), { first_name: "Jo" })) as any
      session = await portalSession(api, getContainer(), customer.id)
    })

    describe("invoice page", () => {
      it("opens an overdue invoice with the amount due, how late it is and how to pay, before the lines", async () => {
        await portal().updateSettings({ payment_instructions: INSTRUCTIONS })
        const invoice = await seedInvoice(getContainer(), customer.id, "sent", {
          issue_date: new Date(Date.now() - 30 * DAY),
          due_date: new Date(Date.now() - 3 * DAY - 60_000),
        })
        const page = (await api.get(`/portal/invoices/${invoice.id}`, session)).data as string

        expect(page).toMatch(/Amount due<\/span>\s*<span class="due-amount">€59\.97<\/span>/)
        expect(page).toContain("3 days overdue")
        expect(page).toContain("How to pay")
        // Printed as typed, escaped, line breaks kept by CSS.
        expect(page).toContain("Bank transfer to Acme Plumbing LLC\nIBAN GB00 1234 5678\nReference: &lt;your invoice number&gt;")
        const order = ["due-amount", "days overdue", "How to pay", '<table class="lines"', "Download PDF"].map((s) => page.indexOf(s))
        expect(order.every((at) => at >= 0)).toBe(true)
        expect([...order].sort((a, b) => a - b)).toEqual(order)
      })

      it("still says how to pay an overdue invoice when there is neither online payment nor instructions", async () => {
        const invoice = await seedInvoice(getContainer(), customer.id, "sent", {
          issue_date: new Date(Date.now() - 30 * DAY),
          due_date: new Date(Date.now() - DAY - 60_000),
        })
        const page = (await api.get(`/portal/invoices/${invoice.id}`, session)).data as string
        expect(page).toContain("1 day overdue")
        expect(page).not.toContain(">Pay Now<")
        expect(page).toMatch(/Please pay as agreed with the business\. Questions\? Write to <a href="mailto:help@acme\.test">/)
      })

      it("shows when an unpaid invoice is due, and a paid one as paid with no payment instructions", async () => {
        await portal().updateSettings({ payment_instructions: INSTRUCTIONS })
        const due = new Date("2999-01-15T12:00:00.000Z")
        const unpaid = await seedInvoice(getContainer(), customer.id, "sent", { due_date: due })
        const unpaidPage = (await api.get(`/portal/invoices/${unpaid.id}`, session)).data as string
        expect(unpaidPage).toMatch(/Due <span class="nowrap">Jan 15, 2999<\/span>/)
        expect(unpaidPage).not.toContain("overdue")

        const paid = await seedInvoice(getContainer(), customer.id, "paid")
        const paidPage = (await api.get(`/portal/invoices/${paid.id}`, session)).data as string
        expect(paidPage).toMatch(/<span class="due-amount">€59\.97<\/span> <span class="due-when">paid on/)
        expect(paidPage).not.toContain("How to pay")
      })

      it("labels a line's amount as before tax on the page, the store JSON and the PDF alike", async () => {
        const invoice = await seedInvoice(getContainer(), customer.id, "sent", {
          lines: [{ title: "Boiler", quantity: 2, unit_price: 50, tax_rate: 20 }],
        })
        const page = (await api.get(`/portal/invoices/${invoice.id}`, session)).data as string
        expect(page).toContain('<th scope="col" class="num">Amount (excl. tax)</th>')
        expect(page).toMatch(/data-label="Amount \(excl\. tax\)">€100\.00<\/td>/)
        expect(page).toMatch(/Total<\/dt><dd>€120\.00/)

        const pdf = await pdfText(`/portal/invoices/${invoice.id}/pdf`, session)
        expect(pdf).toContain("Amount (excl. tax)")
        expect(pdf).toMatch(/20%\s+€100\.00/)

        await createAdminUser(adminHeaders, getContainer())
        const admin = await api.get(`/admin/invoices/${invoice.id}`, adminHeaders)
        expect(admin.data.invoice.lines[0]).toEqual(expect.objectContaining({ subtotal: 100, total: 120 }))
      })
    })

    describe("home", () => {
      it("offers to pay the open balance, summed exactly on the server, and to review pending estimates", async () => {
        await seedInvoice(getContainer(), customer.id, "sent", { lines: [{ title: "A", quantity: 1, unit_price: 0.1 }] })
        await seedInvoice(getContainer(), customer.id, "sent", { lines: [{ title: "B", quantity: 1, unit_price: 0.2 }] })
        await seedInvoice(getContainer(), customer.id, "paid")
        await seedEstimate(getContainer(), customer.id, "sent")
        const home = (await api.get("/portal", session)).data as string
        // Several open invoices, and card payments not set up in this app: the list, not a
        // one-payment form that could only be refused (pay-several.spec has the form with Stripe).
        expect(home).toMatch(/<a class="button" data-testid="pay-balance" href="\/portal\/invoices">Pay €0\.30<\/a>/)
        expect(home).not.toContain('action="/portal/payments"')
        const list = (await api.get("/portal/invoices", session)).data as string
        expect(list).not.toContain('action="/portal/payments"')
        expect(list).not.toContain('name="invoice_ids"')
        expect(home).toMatch(/href="\/portal\/estimates\?status=pending">Review 1 estimate<\/a>/)
      })

      it("goes straight to the invoice when one makes up the balance, and offers nothing when nothing is open", async () => {
        const empty = (await api.get("/portal", session)).data as string
        expect(empty).not.toContain("pay-balance")
        expect(empty).not.toContain("review-estimates")

        const invoice = await seedInvoice(getContainer(), customer.id, "sent")
        const home = (await api.get("/portal", session)).data as string
        expect(home).toContain(`href="/portal/invoices/${invoice.id}">Pay €59.97</a>`)
      })
    })

    describe("invoice PDF", () => {
      it("prints the seller block, the payment instructions and the customer's address as their country writes it", async () => {
        await portal().updateSettings({ payment_instructions: INSTRUCTIONS, business_address: "12 Market Street\nLondon", tax_id: "GB123456789" })
        await getContainer().resolve("customer").createCustomerAddresses({
          customer_id: customer.id,
          address_1: "1 Main St",
          city: "Springfield",
          province: "IL",
          postal_code: "62701",
          country_code: "us",
          is_default_billing: true,
        })
        const invoice = await seedInvoice(getContainer(), customer.id, "sent", {
          issue_date: new Date(Date.now() - 30 * DAY),
          due_date: new Date(Date.now() - 2 * DAY),
        })
        const text = await pdfText(`/portal/invoices/${invoice.id}/pdf`, session)
        expect(text).toMatch(/Acme Plumbing\s+12 Market Street\s+London\s+Tax ID GB123456789/)
        expect(text).toMatch(/1 Main St\s+Springfield, IL 62701\s+United States/)
        expect(text).toContain("Overdue")
        expect(text).toMatch(/How to pay\s+Bank transfer to Acme Plumbing LLC\s+IBAN GB00 1234 5678/)
        // No Stripe in this app: no online payment link.
        expect(text).not.toContain("Pay online")

        const paid = await seedInvoice(getContainer(), customer.id, "paid")
        expect(await pdfText(`/portal/invoices/${paid.id}/pdf`, session)).not.toContain("How to pay")
      })
    })
  },
})
