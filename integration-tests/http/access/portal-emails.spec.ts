import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { ParsedMail } from "mailparser"
import { adminHeaders, createAdminUser } from "../../utils/admin"
import { createCustomer } from "../../utils/customer"
import { invoiceBody, portalService } from "../../utils/portal"
import { drainEventBus } from "../../utils/drain"
import { SmtpSink, useSmtpSink } from "../../utils/smtp-sink"
import { pressOpenLink } from "../portal/helpers"

jest.setTimeout(120_000)

let sink: SmtpSink
const smtp = useSmtpSink("Acme Plumbing <portal@acme.test>", (started) => (sink = started))

const noRedirect = { maxRedirects: 0, validateStatus: () => true }
const LINK = /https?:\/\/[^\s"<>]+\/portal\/access\/[A-Za-z0-9_-]{43}/
const linkIn = (mail: ParsedMail) => mail.text!.match(LINK)![0]
const pathOf = (url: string) => new URL(url).pathname

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let customer: { id: string; email: string }
    const to = (mail: ParsedMail) => !!mail.to && !Array.isArray(mail.to) && mail.to.text.includes(customer.email)
    const mailsToCustomer = () => sink.messages.filter(to)

    beforeEach(async () => {
      sink.clear()
      await createAdminUser(adminHeaders, getContainer())
      await portalService(getContainer()).updateSettings({ enabled: true, business_name: "Acme Plumbing" })
      customer = (await createCustomer(getContainer(), { first_name: "Jane" })) as any
    })

    const sendNewInvoice = async () => {
      const { invoice } = (await api.post("/admin/invoices", invoiceBody(customer.id), adminHeaders)).data
      return (await api.post(`/admin/invoices/${invoice.id}/send`, {}, adminHeaders)).data.invoice
    }
    const opens = async (url: string) => (await pressOpenLink(api, url)).status === 303

    it("emails portal access with the first invoice, then the document with a link", async () => {
      await sendNewInvoice()
      const access = await sink.waitFor(to)
      expect(access.from!.text).toContain("portal@acme.test")
      expect(access.html).toContain("Jane")
      expect(await opens(linkIn(access))).toBe(true)

      const second = await sendNewInvoice()
      const documentMail = await sink.waitFor((m) => to(m) && m.text!.includes(second.display_number))
      expect(await opens(linkIn(documentMail))).toBe(true)
      // One access email, one document email: no second access email.
      expect(mailsToCustomer()).toHaveLength(2)

      const state = (await api.get(`/admin/customers/${customer.id}/portal-access`, adminHeaders)).data.portal_access
      expect(state).toEqual(expect.objectContaining({ status: "enabled", first_sent_at: expect.any(String) }))
      expect(state.links).toHaveLength(2)
    })

    it("resends access with a new link while the old one keeps working", async () => {
      await api.post(`/admin/customers/${customer.id}/portal-access/send`, {}, adminHeaders)
      const first = linkIn(await sink.waitFor(to))
      sink.clear()
      const resend = await api.post(`/admin/customers/${customer.id}/portal-access/send`, {}, adminHeaders)
      expect(resend.data.email.status).toBe("success")
      const second = linkIn(await sink.waitFor(to))
      expect(second).not.toBe(first)
      expect(await opens(second)).toBe(true)
      expect(await opens(first)).toBe(true)
    })

    it("sends nothing to a disabled customer, and works again after enable + send", async () => {
      await api.post(`/admin/customers/${customer.id}/portal-access/send`, {}, adminHeaders)
      const link = linkIn(await sink.waitFor(to))
      await api.post(`/admin/customers/${customer.id}/portal-access/disable`, {}, adminHeaders)
      expect(await opens(link)).toBe(false)

      sink.clear()
      const skippedInvoice = await sendNewInvoice()
      // Every subscriber of invoice.sent has finished: whatever it would send is sent by now.
      await drainEventBus(getContainer())
      expect(sink.messages).toHaveLength(0)
      const events = (await api.get(`/admin/customers/${customer.id}/portal-activity`, adminHeaders)).data.events
      expect(events[0]).toEqual(
        expect.objectContaining({ type: "email_skipped", subject_id: skippedInvoice.id, data: { reason: "access_disabled" } })
      )
      const skipped = await portalService(getContainer()).listPortalEvents({ customer_id: customer.id, type: "email_skipped" })
      expect(skipped).toHaveLength(1)

      const refused = await api
        .post(`/admin/customers/${customer.id}/portal-access/send`, {}, adminHeaders)
        .catch((e) => e.response)
      expect(refused.status).toBe(409)

      await api.post(`/admin/customers/${customer.id}/portal-access/enable`, {}, adminHeaders)
      await api.post(`/admin/customers/${customer.id}/portal-access/send`, {}, adminHeaders)
      expect(await opens(linkIn(await sink.waitFor(to)))).toBe(true)
    })

    it("emails a fresh link from an expired one", async () => {
      await api.post(`/admin/customers/${customer.id}/portal-access/send`, {}, adminHeaders)
      const expired = linkIn(await sink.waitFor(to))
      const portal = portalService(getContainer())
      const [token] = await portal.listPortalTokens({ customer_id: customer.id })
      await portal.updatePortalTokens({ id: token.id, expires_at: new Date(Date.now() - 1000) })
      expect((await api.get(pathOf(expired), noRedirect)).status).toBe(410)

      sink.clear()
      await api.post(`${pathOf(expired)}/renew`, "", noRedirect)
      expect(await opens(linkIn(await sink.waitFor(to)))).toBe(true)
    })

    it("emails a link from /portal/login to a customer with access, and nothing to others", async () => {
      await api.post(`/admin/customers/${customer.id}/portal-access/send`, {}, adminHeaders)
      await sink.waitFor(to)
      sink.clear()
      const form = { headers: { "content-type": "application/x-www-form-urlencoded" } }
      await api.post("/portal/login", `email=${encodeURIComponent(customer.email.toUpperCase())}`, form)
      expect(await opens(linkIn(await sink.waitFor(to)))).toBe(true)

      const stranger = (await createCustomer(getContainer())) as any
      const answer = await api.post("/portal/login", `email=${encodeURIComponent(stranger.email)}`, form)
      expect(answer.status).toBe(200)
      await drainEventBus(getContainer())
      // Only the one link asked for by the customer above: nothing to the stranger, no second mail.
      expect(sink.messages).toHaveLength(1)
      expect(to(sink.messages[0])).toBe(true)
    })

    it("keeps the invoice sent when the email cannot be delivered, and says so", async () => {
      await sink.stop()
      try {
        const invoice = await sendNewInvoice()
        expect(invoice.status).toBe("sent")
        const portal = portalService(getContainer())
        await drainEventBus(getContainer())
        const failed = await portal.listPortalEvents({ customer_id: customer.id, type: "email_failed" })
        expect(failed).toHaveLength(1)
        expect(failed[0]).toEqual(expect.objectContaining({ subject_type: "invoice", subject_id: invoice.id }))
        const manual = await api.post(`/admin/customers/${customer.id}/portal-access/send`, {}, adminHeaders)
        expect(manual.data.email.status).toBe("failure")
        expect((await api.get(`/admin/invoices/${invoice.id}`, adminHeaders)).data.invoice.status).toBe("sent")
      } finally {
        await smtp.restart()
      }
    })

    it("welcomes with the next email when the first one could not be delivered", async () => {
      await sink.stop()
      try {
        await sendNewInvoice()
        await drainEventBus(getContainer())
      } finally {
        await smtp.restart()
      }
      // The failed welcome gave its first-access claim back: the next document email welcomes.
      const second = await sendNewInvoice()
      await drainEventBus(getContainer())
      expect(mailsToCustomer()).toHaveLength(1)
      expect(mailsToCustomer()[0].subject).toMatch(/customer portal link/)
      expect(mailsToCustomer()[0].text).not.toContain(second.display_number)
      const state = (await api.get(`/admin/customers/${customer.id}/portal-access`, adminHeaders)).data.portal_access
      expect(state.first_sent_at).toEqual(expect.any(String))
    })
  },
})
