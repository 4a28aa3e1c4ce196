import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import net from "net"
import { adminHeaders, createAdminUser } from "../utils/admin"
import { allowLoggedErrors } from "../utils/quiet-log"
import { createCustomer } from "../utils/customer"
import { invoiceBody, portalService, seedDraftInvoice } from "../utils/portal"

jest.setTimeout(180_000)

const fail = (e: any) => e.response

/**
 * Faults the portal must survive without losing a business change or writing half a document.
 * (Stripe down / 500 / hanging is covered by the Pay Now suites.)
 */

// An SMTP server that accepts connections and never says a word: the worst kind of slow.
let silentSmtp: net.Server
const sockets = new Set<net.Socket>()
const SMTP_ENV = ["SMTP_HOST", "SMTP_PORT", "SMTP_FROM"] as const
const savedEnv: Record<string, string | undefined> = {}

// Declared before the runner, so it runs before the runner boots the app and reads SMTP_*.
beforeAll(async () => {
  silentSmtp = net.createServer((socket) => {
    sockets.add(socket)
    socket.on("close", () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => silentSmtp.listen(0, "127.0.0.1", resolve))
  SMTP_ENV.forEach((name) => (savedEnv[name] = process.env[name]))
  process.env.SMTP_HOST = "127.0.0.1"
  process.env.SMTP_PORT = String((silentSmtp.address() as net.AddressInfo).port)
  process.env.SMTP_FROM = "portal@acme.test"
})
afterAll(async () => {
  sockets.forEach((s) => s.destroy())
  await new Promise((resolve) => silentSmtp.close(resolve))
  SMTP_ENV.forEach((name) => (savedEnv[name] === undefined ? delete process.env[name] : (process.env[name] = savedEnv[name])))
})

/** Polls until `check` returns a value, or fails after `ms`. */
async function eventually<T>(check: () => Promise<T | undefined | null | false>, ms: number, what: string): Promise<T> {
  const deadline = Date.now() + ms
  for (;;) {
    const value = await check()
    if (value) {
      return value
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}`)
    }
    await new Promise((r) => setTimeout(r, 200))
  }
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    let customer: { id: string; email: string }

    beforeEach(async () => {
      await createAdminUser(adminHeaders, getContainer())
      await portalService(getContainer()).updateSettings({ enabled: true })
      customer = (await createCustomer(getContainer())) as any
    })

    it("sends an invoice at once while the SMTP server hangs; the email fails after its timeout and is logged", async () => {
      const { invoice } = (await api.post("/admin/invoices", invoiceBody(customer.id), adminHeaders)).data
      const started = Date.now()
      const sent = await api.post(`/admin/invoices/${invoice.id}/send`, {}, adminHeaders)
      expect(Date.now() - started).toBeLessThan(5_000) // the email goes out after the response
      expect(sent.data.invoice).toEqual(expect.objectContaining({ status: "sent", display_number: "INV-0001" }))

      const portal = portalService(getContainer())
      const failed = await eventually(
        async () => (await portal.listPortalEvents({ customer_id: customer.id, type: "email_failed" }))[0],
        40_000,
        "the email_failed entry"
      )
      expect(failed.subject_id).toBe(invoice.id)
      // Nothing rolled back: the invoice stays sent with its number.
      const stored = await portal.retrievePortalInvoice(invoice.id)
      expect([stored.status, stored.display_number]).toEqual(["sent", "INV-0001"])
    })

    it("keeps documents whole when PostgreSQL drops every connection mid-send, and serves the next requests", async () => {
      // What the app logs about the cut connections depends on where each request was.
      allowLoggedErrors(/./)
      const drafts = await Promise.all(Array.from({ length: 10 }, () => seedDraftInvoice(getContainer(), customer.id)))
      const sends = drafts.map((d) => api.post(`/admin/invoices/${d.id}/send`, {}, adminHeaders).catch(fail))
      // What a PostgreSQL restart does to the app: every one of its connections is cut.
      await new Promise((r) => setTimeout(r, 30))
      await dbConnection.raw(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
         WHERE datname = current_database() AND pid <> pg_backend_pid()`
      )
      const responses = await Promise.all(sends)
      // Each answered: either sent, or a clear error (never a hung request).
      for (const r of responses) {
        expect(r.status === 200 || (r.status >= 500 && typeof r.data?.message === "string")).toBe(true)
      }

      // The app recovers: a plain read works again within a few attempts.
      await eventually(async () => (await api.get("/admin/invoices", adminHeaders).catch(fail)).status === 200, 30_000, "recovery")

      const stored = await portalService(getContainer()).listPortalInvoices({ id: drafts.map((d) => d.id) })
      const sent = stored.filter((i) => i.status === "sent")
      // Whole documents only: sent means numbered, draft means not numbered.
      for (const invoice of stored) {
        expect([invoice.status, Boolean(invoice.display_number)]).toEqual(
          invoice.status === "sent" ? ["sent", true] : ["draft", false]
        )
      }
      const numbers = sent.map((i) => i.display_number).sort()
      expect(numbers).toEqual(Array.from({ length: sent.length }, (_, i) => `INV-${String(i + 1).padStart(4, "0")}`))
      // Every answered-200 send really is sent (no change acknowledged and then lost).
      responses.forEach((r, i) => r.status === 200 && expect(stored.find((s) => s.id === drafts[i].id)!.status).toBe("sent"))

      // The drafts left behind can be sent now, continuing the sequence.
      for (const draft of stored.filter((i) => i.status === "draft")) {
        expect((await api.post(`/admin/invoices/${draft.id}/send`, {}, adminHeaders).catch(fail)).status).toBe(200)
      }
      const after = await portalService(getContainer()).listPortalInvoices({ id: drafts.map((d) => d.id) })
      expect(after.map((i) => i.display_number).sort()).toEqual(
        Array.from({ length: 10 }, (_, i) => `INV-${String(i + 1).padStart(4, "0")}`)
      )
    })
  },
})
