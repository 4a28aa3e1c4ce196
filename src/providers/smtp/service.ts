import { AbstractNotificationProviderService, MedusaError } from "@medusajs/framework/utils"
import type {
  Logger,
  ProviderSendNotificationDTO,
  ProviderSendNotificationResultsDTO,
} from "@medusajs/framework/types"
import nodemailer from "nodemailer"
import type { Transporter } from "nodemailer"
import type SMTPTransport from "nodemailer/lib/smtp-transport"
import type Mail from "nodemailer/lib/mailer"

export type SmtpNotificationOptions = {
  /** SMTP server host name or IP. */
  host: string
  /** SMTP server port (465 for implicit TLS, 587 or 25 for STARTTLS / plain). */
  port: number
  /** Implicit TLS from the first byte (port 465). Default: true on port 465, false otherwise. */
  secure?: boolean
  /** Credentials; leave out for servers that accept mail without authentication. */
  auth?: { user: string; pass: string }
  /** Sender address, e.g. `"Acme Plumbing" <billing@acme.example>`. */
  from: string
  /** Reply-To address, when replies should go somewhere other than `from`. */
  replyTo?: string
}

type InjectedDependencies = {
  logger: Logger
}

/*
 * nodemailer waits 2 minutes to connect and 10 minutes on a silent socket by default. A portal
 * link is usually sent while an owner waits for an admin request, so fail much sooner.
 */
const CONNECTION_TIMEOUT_MS = 10_000
const GREETING_TIMEOUT_MS = 10_000
const SOCKET_TIMEOUT_MS = 60_000

function invalidOption(message: string): MedusaError {
  return new MedusaError(MedusaError.Types.INVALID_DATA, `SMTP notification provider: ${message}`)
}

function isNonEmptyString(value: unknown): value is string {
  return typeof value === "string" && value.trim().length > 0
}

function toPort(value: unknown): number | null {
  const port = typeof value === "string" && /^\d+$/.test(value.trim()) ? Number(value) : value
  return typeof port === "number" && Number.isInteger(port) && port >= 1 && port <= 65535 ? port : null
}

/**
 * Sends emails that are already rendered (`notification.content.subject/html/text`) through any
 * SMTP server. It does not render templates itself: the plugin renders with `renderEmail()` and
 * passes the result as `content`.
 */
export class SmtpNotificationService extends AbstractNotificationProviderService {
  static identifier = "smtp"

  protected readonly options_: SmtpNotificationOptions
  protected readonly logger_: Logger
  protected readonly transporter_: Transporter<SMTPTransport.SentMessageInfo>

  static validateOptions(options: Record<string, unknown>): void {
    if (!options || typeof options !== "object") {
      throw invalidOption("options are required: { host, port, from }")
    }
    if (!isNonEmptyString(options.host)) {
      throw invalidOption("option `host` is required (the SMTP server's host name)")
    }
    if (toPort(options.port) === null) {
      throw invalidOption(
        `option \`port\` must be an integer between 1 and 65535, got ${JSON.stringify(options.port)}`
      )
    }
    if (options.secure !== undefined && typeof options.secure !== "boolean") {
      throw invalidOption("option `secure` must be true or false")
    }
    if (options.auth !== undefined && options.auth !== null) {
      const auth = options.auth as Record<string, unknown>
      if (typeof auth !== "object" || !isNonEmptyString(auth.user) || typeof auth.pass !== "string") {
        throw invalidOption("option `auth` must be { user, pass } with a non-empty `user`")
      }
    }
    if (!isNonEmptyString(options.from)) {
      throw invalidOption("option `from` is required (the sender address, e.g. portal@example.com)")
    }
    if (options.replyTo !== undefined && options.replyTo !== null && !isNonEmptyString(options.replyTo)) {
      throw invalidOption("option `replyTo` must be a non-empty address when set")
    }
  }

  constructor({ logger }: InjectedDependencies, options: SmtpNotificationOptions) {
    super()
    this.logger_ = logger
    this.options_ = options
    const port = toPort(options.port)!
    this.transporter_ = nodemailer.createTransport({
      host: options.host,
      port,
      secure: options.secure ?? port === 465,
      auth: options.auth ? { user: options.auth.user, pass: options.auth.pass } : undefined,
      connectionTimeout: CONNECTION_TIMEOUT_MS,
      greetingTimeout: GREETING_TIMEOUT_MS,
      socketTimeout: SOCKET_TIMEOUT_MS,
    })
  }

  async send(notification: ProviderSendNotificationDTO): Promise<ProviderSendNotificationResultsDTO> {
    if (!notification) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "No notification information provided")
    }
    const content = notification.content
    if (!content?.subject || (!content.html && !content.text)) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `The smtp provider sends rendered emails only: pass content.subject and content.html or content.text ` +
          `(template "${notification.template}" was not rendered)`
      )
    }

    const message: Mail.Options = {
      from: notification.from?.trim() || this.options_.from,
      to: notification.to,
      replyTo: this.options_.replyTo || undefined,
      subject: content.subject,
      html: content.html || undefined,
      text: content.text || undefined,
      attachments: notification.attachments?.map((attachment) => ({
        filename: attachment.filename,
        content: attachment.content,
        encoding: "base64",
        contentType: attachment.content_type,
        contentDisposition: attachment.disposition === "inline" ? "inline" : "attachment",
        cid: attachment.id,
      })),
    }

    // Errors propagate: the Notification module then stores the notification as "failure".
    const info = await this.transporter_.sendMail(message)
    this.logger_.debug?.(`smtp: sent "${notification.template}" to ${notification.to} (${info.messageId})`)
    return { id: info.messageId }
  }
}

export default SmtpNotificationService
