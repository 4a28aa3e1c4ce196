import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { ParsedMail } from "mailparser"
import { DAY_MS } from "../../../src/lib/reminders"
import { sendInvoiceReminderWorkflow, sendInvoiceRemindersWorkflow } from "../../../src/workflows/reminders"
import { adminHeaders, createAdminUser } from "../../utils/admin"
import { createCustomer } from "../../utils/customer"
import { drainEventBus } from "../../utils/drain"
import { portalService, seedInvoice } from "../../utils/portal"
import { SmtpSink, useSmtpSink } from "../../utils/smtp-sink"
import { pressOpenLink, sessionCookieFrom } from "../portal/helpers"

jest.setTimeout(120_000)

/**
 * Overdue reminders (issue #15 item 5) on a clock the test controls: the workflow the hourly job
 * starts takes `now`. Emails are read off the wire (SMTP sink).
 */

let sink: SmtpSink
const smtp = useSmtpSink("Acme Plumbing <portal@acme.test>", (started) => (sink = started))

const LINK = /https?:\/\/[^\s"<>]+\/portal\/access\/[A-Za-z0-9_-]{43}(\?next=[^\s"<>]+)?/
const DUE = "2030-03-15T00:00:00.000Z"
const day = (n: number, ms = 0) => new Date(Date.parse(DUE) + n * DAY_MS + ms).toISOString()
const recipient = (mail: ParsedMail) => (mail.to && !Array.isArray(mail.to) ? mail.to.text : "")

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let customer: { id: string; email: string }
    const reminders = () => sink.messages.filter((m) => recipient(m).includes(customer.email) && /^Reminder:/.test(m.subject ?? ""))
    const run = async (now: string) => {
      const { result } = await sendInvoiceRemindersWorkflow(getContainer()).run({ input: { now } })
      await drainEventBus(getContainer())
      return result
    }
    const rows = (invoiceId: string) => portalService(getContainer()).listPortalReminders({ invoice_id: invoiceId })
    const seedDue = async (overrides: Record<string, unknown> = {}) => {
      const invoice = await seedInvoice(getContainer(), customer.id, "sent", { due_date: DUE, ...overrides } as never)
      await portalService(getContainer()).updatePortalInvoices({ id: invoice.id, sent_at: new Date(day(-20)) })
      return invoice
    }

    beforeEach(async () => {
      await createAdminUser(adminHeaders, getContainer())
      await portalService(getContainer()).updateSettings({
        enabled: true,
        business_name: "Acme Plumbing",
        reminders_enabled: true,
        reminder_days_before: 3,
        reminder_on_due_date: true,
        reminder_every_days_after: 7,
        reminder_max: 2,
      })
      customer = (await createCustomer(getContainer(), { first_name: "Jane", last_name: "Doe" })) as any
      await api.post(`/admin/customers/${customer.id}/portal-access/send`, {}, adminHeaders)
      await sink.waitFor((m) => recipient(m).includes(customer.email))
      await drainEventBus(getContainer())
      sink.clear()
    })

    it("sends the due-date reminder once, however often the job runs, and its link opens that invoice", async () => {
      const invoice = await seedDue()
      expect((await run(day(0, -1))).sent).toBe(1) // before-3
      sink.clear()
      expect(await run(day(0, 3_600_000))).toEqual(expect.objectContaining({ due: 1, sent: 1 }))
      expect(await run(day(0, 7_200_000))).toEqual(expect.objectContaining({ due: 0, sent: 0 }))
      expect(await run(day(1))).toEqual(expect.objectContaining({ due: 0, sent: 0 }))

      expect(reminders()).toHaveLength(1)
      const mail = reminders()[0]
      expect(mail.subject).toBe(`Reminder: invoice ${invoice.display_number} from Acme Plumbing is due on March 15, 2030`)
      expect(mail.text).toMatch(/Amount due: €59\.97\n/)
      expect(mail.text).toMatch(/Due date: +March 15, 2030\n/)
      const url = mail.text!.match(LINK)![0]
      expect(url).toContain(`?next=${encodeURIComponent(`/portal/invoices/${invoice.id}`)}`)
      const opened = await pressOpenLink(api, url)
      expect(opened.status).toBe(303)
      expect(opened.headers.location).toBe(`/portal/invoices/${invoice.id}`)
      const page = await api.get(opened.headers.location, { headers: { cookie: sessionCookieFrom(opened) } })
      expect(page.status).toBe(200)
      expect(page.data).toContain(String(invoice.display_number))

      expect((await rows(invoice.id)).map((r) => [r.step, r.status]).sort()).toEqual([
        ["before-3", "sent"],
        ["due", "sent"],
      ])
      const logged = await portalService(getContainer()).listPortalEvents({ subject_id: invoice.id, type: "reminder_sent" })
      expect(logged.map((e) => (e.data as any).step).sort()).toEqual(["before-3", "due"])
    })

    it("says how overdue the invoice is, moves to the next reminder 7 days later, and stops after at most N", async () => {
      const invoice = await seedDue()
      await run(day(8))
      expect(reminders()).toHaveLength(1)
      expect(reminders()[0].subject).toBe(`Reminder: invoice ${invoice.display_number} from Acme Plumbing is 8 days overdue`)
      expect(reminders()[0].text).toContain("was due on March 15, 2030 and is now 8 days overdue.")
      await run(day(13))
      expect(reminders()).toHaveLength(1)
      await run(day(14, 60_000))
      expect(reminders()).toHaveLength(2)
      expect(reminders()[1].subject).toMatch(/is 14 days overdue$/)
      // reminder_max 2: nothing after the second reminder past the due date.
      for (const n of [21, 28, 35]) {
        await run(day(n))
      }
      expect(reminders()).toHaveLength(2)
      expect((await rows(invoice.id)).map((r) => r.step).sort()).toEqual(["after-1", "after-2"])
    })

    it("two runs racing for the same reminder send one email", async () => {
      const invoice = await seedDue()
      const results = await Promise.all([run(day(0, 1000)), run(day(0, 1000)), run(day(0, 1000))])
      expect(results.reduce((n, r) => n + r.sent, 0)).toBe(1)
      expect(reminders()).toHaveLength(1)
      expect(await rows(invoice.id)).toHaveLength(1)

      // The one-reminder workflow itself, raced directly: one claim wins.
      const input = {
        invoice_id: invoice.id,
        customer_id: customer.id,
        step: "after-1",
        to: customer.email,
        first_name: "Jane",
        invoice_number: String(invoice.display_number),
        amount: 59.97,
        currency_code: "eur",
        due_date: DUE,
        days_overdue: 7,
        now: day(7),
      }
      const raced = await Promise.all(
        Array.from({ length: 4 }, () => sendInvoiceReminderWorkflow(getContainer()).run({ input }).then((r) => r.result.status))
      )
      await drainEventBus(getContainer())
      expect(raced.filter((s) => s === "success")).toHaveLength(1)
      expect(raced.filter((s) => s === "not_claimed")).toHaveLength(3)
      expect(reminders()).toHaveLength(2)
    })

    it("sends nothing to a customer who opted out, whose access is disabled, or while the portal or reminders are off", async () => {
      const invoice = await seedDue()
      const portal = portalService(getContainer())
      const [access] = await portal.listPortalAccesses({ customer_id: customer.id })

      await portal.updatePortalAccesses({ id: access.id, reminders_opt_out: true })
      expect((await run(day(0, 1))).due).toBe(0)
      await portal.updatePortalAccesses({ id: access.id, reminders_opt_out: false })

      await api.post(`/admin/customers/${customer.id}/portal-access/disable`, {}, adminHeaders)
      expect((await run(day(0, 2))).due).toBe(0)
      await api.post(`/admin/customers/${customer.id}/portal-access/enable`, {}, adminHeaders)

      await portal.updateSettings({ enabled: false })
      expect((await run(day(0, 3))).due).toBe(0)
      await portal.updateSettings({ enabled: true, reminders_enabled: false })
      expect((await run(day(0, 4))).due).toBe(0)
      await portal.updateSettings({ reminders_enabled: true })

      expect(reminders()).toHaveLength(0)
      expect(await rows(invoice.id)).toHaveLength(0)
      // Nothing was claimed meanwhile, so the reminder goes once all is allowed again.
      expect((await run(day(0, 5))).sent).toBe(1)
    })

    it("reminds of nothing paid, void or in draft, nor of what was paid off in the meantime", async () => {
      await seedInvoice(getContainer(), customer.id, "paid", { due_date: DUE } as never)
      await seedInvoice(getContainer(), customer.id, "void", { due_date: DUE } as never)
      await seedInvoice(getContainer(), customer.id, "draft", { due_date: DUE } as never)
      expect((await run(day(1))).due).toBe(0)
      expect(reminders()).toHaveLength(0)
    })

    it("retries a reminder whose email failed on the next run, and sends it once", async () => {
      const invoice = await seedDue()
      await sink.stop()
      try {
        const failed = await run(day(0, 1000))
        expect(failed).toEqual(expect.objectContaining({ due: 1, sent: 0, failed: 1 }))
        expect((await rows(invoice.id)).map((r) => [r.step, r.status])).toEqual([["due", "failed"]])
      } finally {
        await smtp.restart()
      }
      expect(await run(day(0, 2000))).toEqual(expect.objectContaining({ due: 1, sent: 1 }))
      expect(await run(day(0, 3000))).toEqual(expect.objectContaining({ due: 0, sent: 0 }))
      expect(reminders()).toHaveLength(1)
      expect((await rows(invoice.id)).map((r) => [r.step, r.status, r.attempts])).toEqual([["due", "sent", 2]])
    })
  },
})
