import { Modules } from "@medusajs/framework/utils"
import type { INotificationModuleService } from "@medusajs/framework/types"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { renderEmail } from "../../../src/lib/email/render"
import { startSmtpSink } from "../../utils/smtp-sink"
import type { SmtpSink } from "../../utils/smtp-sink"

jest.setTimeout(120_000)

const SMTP_ENV = ["SMTP_HOST", "SMTP_PORT", "SMTP_SECURE", "SMTP_USER", "SMTP_PASS", "SMTP_FROM"] as const
const savedEnv: Partial<Record<(typeof SMTP_ENV)[number], string | undefined>> = {}
let sink: SmtpSink

/*
 * Declared before medusaIntegrationTestRunner, so it runs before the runner's own beforeAll,
 * which loads medusa-config.ts: the host app then registers the SMTP provider pointed at the sink.
 */
beforeAll(async () => {
  sink = await startSmtpSink()
  for (const name of SMTP_ENV) {
    savedEnv[name] = process.env[name]
    delete process.env[name]
  }
  process.env.SMTP_HOST = "127.0.0.1"
  process.env.SMTP_PORT = String(sink.port)
})

afterAll(async () => {
  await sink?.stop()
  for (const name of SMTP_ENV) {
    if (savedEnv[name] === undefined) {
      delete process.env[name]
    } else {
      process.env[name] = savedEnv[name]
    }
  }
})

const CUSTOMER_NAME = `Zoë <b>O'Brien</b>`
const PORTAL_URL = "https://shop.example.com/portal/access/Zx9_token-value"
const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")

function portalAccessEmail() {
  return renderEmail(
    "portal-access",
    { customer_first_name: CUSTOMER_NAME, portal_url: PORTAL_URL, expires_at: "2026-06-30T12:00:00.000Z" },
    { business_name: "Acme Plumbing", support_email: "help@acme.example" }
  )
}

medusaIntegrationTestRunner({
  testSuite: ({ getContainer }) => {
    const notifications = () => getContainer().resolve<INotificationModuleService>(Modules.NOTIFICATION)

    it("delivers a rendered portal-access email with its attachment through SMTP", async () => {
      const content = portalAccessEmail()
      const notification = await notifications().createNotifications({
        to: "zoe@example.com",
        channel: "email",
        template: "portal-access",
        content,
        attachments: [{ filename: "statement.pdf", content: PDF.toString("base64"), content_type: "application/pdf" }],
        data: { customer_id: "cus_test" },
      })

      expect(notification).toEqual(expect.objectContaining({ status: "success", provider_id: "smtp" }))

      const mail = await sink.waitFor((m) => m.subject === content.subject)
      expect(mail.subject).toBe("Your Acme Plumbing customer portal link")
      expect(mail.from?.value).toEqual([{ address: "portal@localhost", name: "" }])
      expect(mail.to).toEqual(expect.objectContaining({ value: [{ address: "zoe@example.com", name: "" }] }))
      expect(mail.html).toContain("Hi Zoë &lt;b&gt;O&#39;Brien&lt;/b&gt;,")
      expect(mail.html).not.toContain("<b>O'Brien</b>")
      expect(mail.html).toContain(`href="${PORTAL_URL}"`)
      expect(mail.text).toContain(PORTAL_URL)
      expect(mail.text).toContain("This link expires on June 30, 2026.")
      expect(mail.attachments).toHaveLength(1)
      expect(mail.attachments[0].filename).toBe("statement.pdf")
      expect(mail.attachments[0].contentType).toBe("application/pdf")
      expect(mail.attachments[0].content.equals(PDF)).toBe(true)

      // The SMTP Message-ID is kept as the notification's external id.
      const stored = await notifications().retrieveNotification(notification.id)
      expect(stored.status).toBe("success")
      expect(stored.external_id).toBe(mail.messageId)
    })

    it("keeps the admin feed on notification-local next to the SMTP email provider", async () => {
      const feed = await notifications().createNotifications({
        to: "",
        channel: "feed",
        template: "admin-ui",
        data: { title: "Estimate accepted", description: "EST-0001" },
      })
      expect(feed).toEqual(expect.objectContaining({ status: "success", provider_id: "local" }))
      expect(sink.messages.filter((m) => m.subject === "Estimate accepted")).toHaveLength(0)
    })

    /** Runs `fn` while nothing listens on the configured SMTP port, then brings the sink back. */
    async function withSmtpDown<T>(fn: () => Promise<T>): Promise<T> {
      const port = sink.port
      await sink.stop()
      try {
        return await fn()
      } finally {
        sink = await startSmtpSink({ port })
      }
    }

    const failingInput = (idempotency_key?: string) => ({
      to: "zoe@example.com",
      channel: "email",
      template: "portal-access",
      content: portalAccessEmail(),
      ...(idempotency_key ? { idempotency_key } : {}),
    })

    it("marks the notification failed when the SMTP server is unreachable, and rethrows to the caller", async () => {
      const error = await withSmtpDown(() =>
        notifications()
          .createNotifications(failingInput("access-unreachable"))
          .then(() => null, (e: Error) => e)
      )

      // Medusa 2.21: the provider's error is wrapped in a MedusaError and then re-thrown by
      // promiseAll({ aggregateErrors: true }) as a plain Error (no `type`: a route letting it
      // through answers 500), after the row has been saved with status "failure".
      expect(error).toBeInstanceOf(Error)
      expect((error as { type?: string }).type).toBeUndefined()
      expect(error!.message).toMatch(/^Failed to send notification with id noti_\w+:\n.*ECONNREFUSED/)

      // (The database is restored before each test, so this test's notification is the only one.)
      const listed = await notifications().listNotifications({ to: "zoe@example.com" })
      expect(listed).toEqual([
        expect.objectContaining({ status: "failure", provider_id: "smtp", idempotency_key: "access-unreachable" }),
      ])
      expect(listed[0].external_id).toBeNull()
      expect(sink.messages).toHaveLength(0)
    })

    it("resends after a failure as a new notification (no idempotency key reuse)", async () => {
      await withSmtpDown(() => notifications().createNotifications(failingInput()).catch(() => undefined))

      const resent = await notifications().createNotifications(failingInput())
      expect(resent.status).toBe("success")
      const mail = await sink.waitFor()
      expect(resent.external_id).toBe(mail.messageId)
      const rows = await notifications().listNotifications({ to: "zoe@example.com" })
      expect(rows.map((n) => n.status).sort()).toEqual(["failure", "success"])
    })

    /*
     * Pins a Medusa 2.21 bug so that a fix is noticed: retrying a failed notification with the
     * same idempotency key sends the email again but then tries to update a row under a freshly
     * generated id, throws "not found" and leaves the original row "failure". A caller that
     * retries on that error would mail the customer twice. Resend with a new key instead.
     */
    it("(Medusa 2.21) a retry with the failed notification's idempotency key delivers, yet throws and stays failed", async () => {
      await withSmtpDown(() =>
        notifications().createNotifications(failingInput("access-retry")).catch(() => undefined)
      )

      const retryError = await notifications()
        .createNotifications(failingInput("access-retry"))
        .then(() => null, (e: Error) => e)
      expect(retryError?.message).toMatch(/^Notification with id "noti_\w+" not found$/)

      await sink.waitFor() // it was delivered nonetheless
      const rows = await notifications().listNotifications({ to: "zoe@example.com" })
      expect(rows).toEqual([expect.objectContaining({ idempotency_key: "access-retry", status: "failure" })])
    })
  },
})
