import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { ParsedMail } from "mailparser"
import { sendDuePortalEmailsWorkflow } from "../../../src/workflows/access"
import { adminHeaders, createAdminUser } from "../../utils/admin"
import { createCustomer } from "../../utils/customer"
import { drainEventBus } from "../../utils/drain"
import { allowLoggedErrors } from "../../utils/quiet-log"
import { invoiceBody, portalService, seedDraftInvoice } from "../../utils/portal"
import { SmtpSink, useSmtpSink } from "../../utils/smtp-sink"

jest.setTimeout(120_000)

/**
 * Emails owed by sent documents (issue #16): a server killed after sending an invoice but before
 * its subscriber ran used to lose the customer's email. The send now records the owed email in
 * its own transaction; the `send-due-portal-emails` job delivers what nobody delivered, once.
 */

let sink: SmtpSink
useSmtpSink("Acme Plumbing <portal@acme.test>", (started) => (sink = started))

const recipient = (mail: ParsedMail) => (mail.to && !Array.isArray(mail.to) ? mail.to.text : "")
const minutesFromNow = (minutes: number) => new Date(Date.now() + minutes * 60_000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let customer: { id: string; email: string }
    const mailsToCustomer = () => sink.messages.filter((m) => recipient(m).includes(customer.email))
    const runJob = async (now: Date) => {
      await sendDuePortalEmailsWorkflow(getContainer()).run({ input: { now } })
      await drainEventBus(getContainer())
    }
    /** What a server killed right after the send step committed leaves: sent, owed, no event. */
    const sendAndDie = async () => {
      const draft = await seedDraftInvoice(getContainer(), customer.id)
      return portalService(getContainer()).sendInvoice(draft.id)
    }

    beforeEach(async () => {
      sink.clear()
      await createAdminUser(adminHeaders, getContainer())
      await portalService(getContainer()).updateSettings({ enabled: true, business_name: "Acme Plumbing" })
      customer = (await createCustomer(getContainer(), { first_name: "Jane" })) as any
    })

    it("emails a sent invoice whose server died before emailing it, once, from the job", async () => {
      const { invoice } = await sendAndDie()
      await drainEventBus(getContainer())
      expect(mailsToCustomer()).toHaveLength(0)

      // Within the subscriber's grace minute the job leaves it alone.
      await runJob(new Date())
      expect(mailsToCustomer()).toHaveLength(0)

      await runJob(minutesFromNow(2))
      expect(mailsToCustomer()).toHaveLength(1)
      // The welcome email (first access), whose link opens the invoice.
      expect(mailsToCustomer()[0].text).toContain(encodeURIComponent(`/portal/invoices/${invoice.id}`))
      const [owed] = await portalService(getContainer()).listPortalEmailDues({ subject_id: invoice.id })
      expect(owed).toEqual(expect.objectContaining({ attempts: 1, done_at: expect.any(Date) }))

      await runJob(minutesFromNow(10))
      expect(mailsToCustomer()).toHaveLength(1)
    })

    it("does not email again what the send's subscriber delivered", async () => {
      const { invoice } = (await api.post("/admin/invoices", invoiceBody(customer.id), adminHeaders)).data
      await api.post(`/admin/invoices/${invoice.id}/send`, {}, adminHeaders)
      await drainEventBus(getContainer())
      expect(mailsToCustomer()).toHaveLength(1)
      await runJob(minutesFromNow(2))
      expect(mailsToCustomer()).toHaveLength(1)
      // A resend owes (and sends) a new email.
      await api.post(`/admin/invoices/${invoice.id}/send`, {}, adminHeaders)
      await drainEventBus(getContainer())
      await runJob(minutesFromNow(2))
      expect(mailsToCustomer()).toHaveLength(2)
    })

    it("sends one email when the owner resends a document whose email was lost", async () => {
      const { invoice } = await sendAndDie()
      await api.post(`/admin/invoices/${invoice.id}/send`, {}, adminHeaders)
      await drainEventBus(getContainer())
      await runJob(minutesFromNow(2))
      expect(mailsToCustomer()).toHaveLength(1)
    })

    it("sends one email when two instances' jobs race for the same owed email", async () => {
      await sendAndDie()
      await Promise.all([runJob(minutesFromNow(2)), runJob(minutesFromNow(2)), runJob(minutesFromNow(2))])
      expect(mailsToCustomer()).toHaveLength(1)
    })

    it("retries an owed email whose delivery failed, and gives up after three attempts", async () => {
      allowLoggedErrors(/Owed portal email for invoice/)
      const { invoice } = await sendAndDie()
      // The customer is gone: each delivery fails in the workflow (not at the mail server).
      const portal = portalService(getContainer())
      await getContainer().resolve("customer").softDeleteCustomers([customer.id])
      for (const minutes of [2, 3, 4, 5, 6]) {
        await runJob(minutesFromNow(minutes))
      }
      const [owed] = await portal.listPortalEmailDues({ subject_id: invoice.id })
      expect(owed).toEqual(expect.objectContaining({ attempts: 3, done_at: null, claimed_at: null }))
      expect(await portal.listPortalEvents({ subject_id: invoice.id, type: "email_failed" })).toHaveLength(3)
      expect(mailsToCustomer()).toHaveLength(0)
    })
  },
})
