import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { ParsedMail } from "mailparser"
import { readPdf } from "../../../src/lib/pdf/__tests__/extract-text"
import { adminHeaders, createAdminUser } from "../../utils/admin"
import { createCustomer } from "../../utils/customer"
import { drainEventBus } from "../../utils/drain"
import { invoiceBody, portalService } from "../../utils/portal"
import { SmtpSink, useSmtpSink } from "../../utils/smtp-sink"
import { pressOpenLink, sessionCookieFrom } from "../portal/helpers"

jest.setTimeout(120_000)

/**
 * The emails of the document flows, read off the wire (SMTP sink) and checked on their rendered
 * content: the invoice-sent and estimate-sent emails a customer with portal access gets, and the
 * owner's email when the customer decides on an estimate.
 */

let sink: SmtpSink
useSmtpSink("Acme Plumbing <portal@acme.test>", (started) => (sink = started))

const noRedirect = { maxRedirects: 0, validateStatus: () => true }
const LINK = /https?:\/\/[^\s"<>]+\/portal\/access\/[A-Za-z0-9_-]{43}/
const OWNER = "owner@acme.test"
const recipient = (mail: ParsedMail) => (mail.to && !Array.isArray(mail.to) ? mail.to.text : "")

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let customer: { id: string; email: string }
    const toCustomer = (mail: ParsedMail) => recipient(mail).includes(customer.email)
    const opens = async (mail: ParsedMail) => {
      const url = mail.text!.match(LINK)![0]
      return (await pressOpenLink(api, url)).status
    }

    beforeEach(async () => {
      sink.clear()
      await createAdminUser(adminHeaders, getContainer())
      await portalService(getContainer()).updateSettings({
        enabled: true,
        business_name: "Acme Plumbing",
        support_email: "help@acme.test",
        owner_notification_email: OWNER,
      })
      customer = (await createCustomer(getContainer(), { first_name: "Jane", last_name: "Doe" })) as any
      // The customer already has portal access: a document now brings its own email, not the access one.
      await api.post(`/admin/customers/${customer.id}/portal-access/send`, {}, adminHeaders)
      await sink.waitFor(toCustomer)
      await drainEventBus(getContainer())
      sink.clear()
    })

    it("puts the owner's payment instructions in the invoice email", async () => {
      await api.post("/admin/portal/settings", { payment_instructions: "Bank transfer to Acme Plumbing LLC\nIBAN GB00 1234 5678" }, adminHeaders)
      const { invoice: draft } = (await api.post("/admin/invoices", invoiceBody(customer.id), adminHeaders)).data
      await api.post(`/admin/invoices/${draft.id}/send`, {}, adminHeaders)
      await drainEventBus(getContainer())

      const mail = sink.messages.find(toCustomer)!
      expect(mail.text).toContain("How to pay:\nBank transfer to Acme Plumbing LLC\nIBAN GB00 1234 5678\n")
      expect(mail.html).toContain("Bank transfer to Acme Plumbing LLC<br>IBAN GB00 1234 5678")
    })

    it("emails a sent invoice with its number, amount due and due date, and a working link", async () => {
      const body = invoiceBody(customer.id, { due_date: "2030-03-15T12:00:00.000Z" })
      const { invoice: draft } = (await api.post("/admin/invoices", body, adminHeaders)).data
      const { invoice } = (await api.post(`/admin/invoices/${draft.id}/send`, {}, adminHeaders)).data
      await drainEventBus(getContainer())

      expect(sink.messages).toHaveLength(1)
      const mail = sink.messages[0]
      expect(recipient(mail)).toBe(customer.email)
      expect(mail.from!.text).toBe('"Acme Plumbing" <portal@acme.test>')
      expect(mail.subject).toBe(`Invoice ${invoice.display_number} from Acme Plumbing`)
      expect(mail.text).toContain("Hi Jane,")
      expect(mail.text).toContain(`Acme Plumbing has sent you invoice ${invoice.display_number}.`)
      expect(mail.text).toMatch(/Amount due: €59\.97\n/)
      expect(mail.text).toMatch(/Due date: +March 15, 2030\n/)
      expect(mail.text).toContain("Questions? Write to help@acme.test")
      expect(mail.html).toContain(invoice.display_number)
      expect(mail.html).toContain("€59.97")
      expect(await opens(mail)).toBe(303)
    })

    it("emails a sent estimate with its number, amount and validity, and a working link", async () => {
      const body = invoiceBody(customer.id, {
        valid_until: "2030-06-30T12:00:00.000Z",
        lines: [{ title: "Radiator", quantity: 2, unit_price: 310.5, tax_rate: 10 }],
      })
      const { estimate: draft } = (await api.post("/admin/estimates", body, adminHeaders)).data
      const { estimate } = (await api.post(`/admin/estimates/${draft.id}/send`, {}, adminHeaders)).data
      await drainEventBus(getContainer())

      expect(sink.messages).toHaveLength(1)
      const mail = sink.messages[0]
      expect(recipient(mail)).toBe(customer.email)
      expect(mail.subject).toBe(`Estimate ${estimate.display_number} from Acme Plumbing`)
      expect(mail.text).toContain("Hi Jane,")
      expect(mail.text).toContain(
        `Acme Plumbing has sent you estimate ${estimate.display_number}. You can review it and accept or reject it online.`
      )
      // 2 × 310.50 + 10 % tax
      expect(mail.text).toMatch(/Amount: +€683\.10\n/)
      expect(mail.text).toMatch(/Valid until: June 30, 2030\n/)
      expect(mail.html).toContain("€683.10")
      expect(await opens(mail)).toBe(303)
    })

    it("a new customer sent an invoice and an estimate at once gets one welcome email and one document email", async () => {
      const newcomer = (await createCustomer(getContainer(), { first_name: "Sam", last_name: "New" })) as { id: string; email: string }
      const { invoice: draftInvoice } = (await api.post("/admin/invoices", invoiceBody(newcomer.id), adminHeaders)).data
      const { estimate: draftEstimate } = (await api.post("/admin/estimates", invoiceBody(newcomer.id), adminHeaders)).data
      // Both sends' emails are prepared concurrently: only one of them may be the first-access email.
      await Promise.all([
        api.post(`/admin/invoices/${draftInvoice.id}/send`, {}, adminHeaders),
        api.post(`/admin/estimates/${draftEstimate.id}/send`, {}, adminHeaders),
      ])
      await drainEventBus(getContainer())

      const subjects = sink.messages.filter((m) => recipient(m).includes(newcomer.email)).map((m) => m.subject ?? "")
      expect(subjects).toHaveLength(2)
      expect(subjects.filter((s) => /customer portal link/.test(s))).toHaveLength(1)
      expect(subjects.filter((s) => /^(Invoice|Estimate) /.test(s))).toHaveLength(1)
    })

    it("emails the owner the customer's decision with the note and a link to the estimate", async () => {
      const { estimate: draft } = (
        await api.post("/admin/estimates", invoiceBody(customer.id, { valid_until: "2999-01-01T00:00:00.000Z" }), adminHeaders)
      ).data
      const { estimate } = (await api.post(`/admin/estimates/${draft.id}/send`, {}, adminHeaders)).data
      await drainEventBus(getContainer())
      const customerMail = sink.messages.find(toCustomer)!
      sink.clear()

      // The customer opens the estimate email's link and rejects on the portal page.
      const opened = await pressOpenLink(api, customerMail.text!.match(LINK)![0])
      const cookie = sessionCookieFrom(opened)
      const session = { headers: { cookie }, ...noRedirect }
      const page = await api.get(`/portal/estimates/${estimate.id}`, session)
      const csrf = page.data.match(/name="_csrf" value="([^"]+)"/)[1]
      const rejected = await api.post(
        `/portal/estimates/${estimate.id}/reject`,
        `_csrf=${csrf}&note=${encodeURIComponent("Too expensive")}`,
        { ...session, headers: { ...session.headers, "content-type": "application/x-www-form-urlencoded" } }
      )
      expect(rejected.status).toBe(303)
      await drainEventBus(getContainer())

      expect(sink.messages.map(recipient)).toEqual([OWNER])
      const mail = sink.messages[0]
      expect(mail.subject).toBe(`Jane Doe rejected estimate ${estimate.display_number}`)
      expect(mail.text).toContain(`Jane Doe has rejected estimate ${estimate.display_number} in the customer portal.`)
      expect(mail.text).toMatch(/Amount: +€59\.97\n/)
      expect(mail.text).toContain("Their note: Too expensive")
      expect(mail.text).toMatch(new RegExp(`https?://[^\\s]+/app/estimates/${estimate.id}\\n`))
      expect(mail.html).toContain("Too expensive")
    })

    it("emails the customer the record of a signed approval with the approved estimate attached, and tells the owner", async () => {
      await portalService(getContainer()).updateSettings({ approval_requires_name: true })
      const { estimate: draft } = (
        await api.post("/admin/estimates", invoiceBody(customer.id, { valid_until: "2999-01-01T00:00:00.000Z" }), adminHeaders)
      ).data
      const { estimate } = (await api.post(`/admin/estimates/${draft.id}/send`, {}, adminHeaders)).data
      await drainEventBus(getContainer())
      const customerMail = sink.messages.find(toCustomer)!
      sink.clear()

      const opened = await pressOpenLink(api, customerMail.text!.match(LINK)![0])
      const session = { headers: { cookie: sessionCookieFrom(opened) }, ...noRedirect }
      const confirm = await api.get(`/portal/estimates/${estimate.id}/accept`, session)
      const field = (name: string) => confirm.data.match(new RegExp(`name="${name}" value="([^"]+)"`))[1]
      const approved = await api.post(
        `/portal/estimates/${estimate.id}/accept`,
        new URLSearchParams({ _csrf: field("_csrf"), estimate_hash: field("estimate_hash"), full_name: "Jane Doe" }).toString(),
        { ...session, headers: { ...session.headers, "content-type": "application/x-www-form-urlencoded" } }
      )
      expect(approved.status).toBe(303)
      await drainEventBus(getContainer())

      expect(sink.messages.map(recipient).sort()).toEqual([customer.email, OWNER].sort())
      const mail = sink.messages.find(toCustomer)!
      expect(mail.subject).toBe(`You approved estimate ${estimate.display_number} from Acme Plumbing`)
      expect(mail.text).toMatch(/Signed by: +Jane Doe\n/)
      expect(mail.text).toContain(field("estimate_hash"))
      expect(mail.attachments).toHaveLength(1)
      expect(mail.attachments[0].contentType).toBe("application/pdf")
      expect(mail.attachments[0].filename).toContain(estimate.display_number)
      const text = (await readPdf(mail.attachments[0].content)).text.replace(/\s+/g, " ")
      expect(text).toContain("Approved by Jane Doe on")
      expect(text).toContain(`Document SHA-256: ${field("estimate_hash")}`)
    })
  },
})
