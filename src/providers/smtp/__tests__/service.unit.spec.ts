import { MedusaError } from "@medusajs/framework/utils"
import type { Logger } from "@medusajs/framework/types"
import { SmtpNotificationService } from "../service"
import type { SmtpNotificationOptions } from "../service"
import { startSmtpSink } from "../../../../integration-tests/utils/smtp-sink"
import type { SmtpSink } from "../../../../integration-tests/utils/smtp-sink"

const logger = { info: jest.fn(), warn: jest.fn(), error: jest.fn(), debug: jest.fn() } as unknown as Logger

const valid = { host: "127.0.0.1", port: 2525, from: "portal@acme.example" }

describe("SmtpNotificationService.validateOptions", () => {
  it("accepts the minimal options and numeric strings for the port", () => {
    expect(() => SmtpNotificationService.validateOptions(valid)).not.toThrow()
    expect(() => SmtpNotificationService.validateOptions({ ...valid, port: "587" })).not.toThrow()
    expect(() =>
      SmtpNotificationService.validateOptions({
        ...valid,
        secure: true,
        auth: { user: "u", pass: "p" },
        replyTo: "help@acme.example",
        channels: ["email"],
      })
    ).not.toThrow()
  })

  it.each([
    [{ ...valid, host: "" }, /option `host` is required/],
    [{ ...valid, host: undefined }, /option `host` is required/],
    [{ ...valid, port: 0 }, /option `port` must be an integer between 1 and 65535, got 0/],
    [{ ...valid, port: "smtp" }, /option `port` must be an integer.*"smtp"/],
    [{ ...valid, port: undefined }, /option `port`/],
    [{ ...valid, secure: "yes" }, /option `secure` must be true or false/],
    [{ ...valid, auth: { user: "", pass: "x" } }, /option `auth` must be \{ user, pass \}/],
    [{ ...valid, auth: { user: "u" } }, /option `auth` must be \{ user, pass \}/],
    [{ ...valid, from: " " }, /option `from` is required/],
    [{ ...valid, replyTo: "" }, /option `replyTo`/],
  ])("rejects %p with an error naming the option", (options, message) => {
    let error: unknown
    try {
      SmtpNotificationService.validateOptions(options as Record<string, unknown>)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(MedusaError)
    expect((error as MedusaError).type).toBe(MedusaError.Types.INVALID_DATA)
    expect((error as Error).message).toMatch(/^SMTP notification provider: /)
    expect((error as Error).message).toMatch(message)
  })
})

describe("SmtpNotificationService.send", () => {
  let sink: SmtpSink
  const service = (options: Partial<SmtpNotificationOptions> = {}) =>
    new SmtpNotificationService({ logger }, { ...valid, port: sink.port, ...options })

  beforeAll(async () => {
    sink = await startSmtpSink()
  })
  afterAll(async () => {
    await sink?.stop()
  })
  beforeEach(() => sink.clear())

  it("delivers subject, html, text and attachments from the configured sender", async () => {
    const pdf = Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n")
    const result = await service({ replyTo: "help@acme.example" }).send({
      to: "jane@example.com",
      channel: "email",
      template: "invoice-sent",
      content: { subject: "Invoice INV-0001", html: "<p>Hi Jane</p>", text: "Hi Jane" },
      attachments: [{ filename: "INV-0001.pdf", content: pdf.toString("base64"), content_type: "application/pdf" }],
    })

    const mail = await sink.waitFor((m) => m.subject === "Invoice INV-0001")
    expect(result.id).toBe(mail.messageId)
    expect(mail.from?.value[0].address).toBe("portal@acme.example")
    expect(mail.replyTo?.value[0].address).toBe("help@acme.example")
    expect(mail.html).toContain("<p>Hi Jane</p>")
    expect(mail.text?.trim()).toBe("Hi Jane")
    expect(mail.attachments).toHaveLength(1)
    expect(mail.attachments[0]).toEqual(
      expect.objectContaining({ filename: "INV-0001.pdf", contentType: "application/pdf", contentDisposition: "attachment" })
    )
    expect(mail.attachments[0].content.equals(pdf)).toBe(true)
  })

  it("lets a notification's own `from` override the configured sender", async () => {
    await service().send({
      to: "jane@example.com",
      from: "billing@acme.example",
      channel: "email",
      template: "t",
      content: { subject: "From override", text: "x" },
    })
    const mail = await sink.waitFor((m) => m.subject === "From override")
    expect(mail.from?.value[0].address).toBe("billing@acme.example")
  })

  it("refuses a notification without rendered content instead of sending a blank email", async () => {
    await expect(
      service().send({ to: "jane@example.com", channel: "email", template: "portal-access", data: {} })
    ).rejects.toThrow(/sends rendered emails only.*"portal-access"/)
    expect(sink.messages).toHaveLength(0)
  })

  it("lets a connection error propagate", async () => {
    const other = await startSmtpSink()
    const closedPort = other.port
    await other.stop()
    await expect(
      service({ port: closedPort }).send({
        to: "jane@example.com",
        channel: "email",
        template: "t",
        content: { subject: "s", text: "t" },
      })
    ).rejects.toThrow(/ECONNREFUSED/)
  })
})
