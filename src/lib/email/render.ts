import fs from "fs"
import path from "path"
import nunjucks from "nunjucks"
import { MedusaError } from "@medusajs/framework/utils"
import type {
  EmailAmount,
  EmailBranding,
  EmailDate,
  EmailFormatting,
  EmailTemplateDataMap,
  EmailTemplateName,
  RenderedEmail,
} from "./templates"
import { isEmailTemplateName } from "./templates"
import type { ResolvedBranding } from "./branding"
import { cleanText, httpUrl, resolveBranding } from "./branding"
import { DEFAULT_LOCALE as DEFAULT_LANGUAGE, type Translate, supportedLocale, translator } from "../i18n"
import { paymentMethodLabel } from "../payment-methods"

export { DEFAULT_ACCENT_COLOR, DEFAULT_BUSINESS_NAME, resolveBranding } from "./branding"
export type { ResolvedBranding } from "./branding"

/**
 * Resolved from this file so it works from src/ (jest, ts-node, the host app) and from
 * .medusa/server/src/ after `npm run build` (scripts/copy-templates.js copies the .njk files,
 * which `medusa plugin:build` alone would leave out).
 */
export const EMAIL_TEMPLATES_DIR = path.resolve(__dirname, "../../templates/emails")

const DEFAULT_LOCALE = "en-US"
const DEFAULT_TIME_ZONE = "UTC"

let environments: { html: nunjucks.Environment; text: nunjucks.Environment } | null = null

/*
 * Two environments over the same folder: HTML autoescapes every value; plain text must not
 * (an "&" in a business name would otherwise arrive as "&amp;"). Both refuse to print an
 * undefined or null value, so a missing field fails loudly instead of mailing a blank.
 */
function getEnvironments() {
  if (!environments) {
    if (!fs.existsSync(path.join(EMAIL_TEMPLATES_DIR, "layout.html.njk"))) {
      throw new MedusaError(
        MedusaError.Types.UNEXPECTED_STATE,
        `Email templates not found in ${EMAIL_TEMPLATES_DIR}. A build must copy src/templates next to the ` +
          `compiled code (npm run build runs scripts/copy-templates.js after medusa plugin:build).`
      )
    }
    const make = (autoescape: boolean) =>
      new nunjucks.Environment(new nunjucks.FileSystemLoader(EMAIL_TEMPLATES_DIR), {
        autoescape,
        throwOnUndefined: true,
        trimBlocks: true,
        lstripBlocks: true,
      })
    environments = { html: make(true), text: make(false) }
    // Plain-text "Label:" columns: padded so the values line up, whatever the language's label length.
    environments.text.addGlobal("label", (text: string, width: number) => `${text}:`.padEnd(width))
  }
  return environments
}

function invalid(template: string, message: string): MedusaError {
  return new MedusaError(MedusaError.Types.INVALID_DATA, `renderEmail("${template}"): ${message}`)
}

/** Multi-line text typed by the owner, as lines (email clients ignore CSS white-space). */
function textLines(value: unknown): string[] {
  return typeof value === "string" && value.trim() ? value.trim().split(/\r\n?|\n/).map((line) => line.trim()) : []
}

function resolveLocale(locale: string | undefined): string {
  if (!locale) {
    return DEFAULT_LOCALE
  }
  try {
    // A customer's stored locale may be anything; an unknown one must not stop an email.
    return Intl.DateTimeFormat.supportedLocalesOf([locale]).length ? locale : DEFAULT_LOCALE
  } catch {
    return DEFAULT_LOCALE
  }
}

function resolveTimeZone(timeZone: string | undefined): string {
  if (!timeZone) {
    return DEFAULT_TIME_ZONE
  }
  try {
    new Intl.DateTimeFormat("en-US", { timeZone })
    return timeZone
  } catch {
    return DEFAULT_TIME_ZONE
  }
}

type Formatter = {
  date(field: string, value: EmailDate | null | undefined): string
  money(field: string, amount: EmailAmount, currencyCode: string): string
}

function formatter(template: string, options: EmailFormatting): Formatter {
  const locale = resolveLocale(options.locale)
  const timeZone = resolveTimeZone(options.time_zone)
  return {
    date(field, value) {
      if (value === null || value === undefined || value === "") {
        return ""
      }
      const date = value instanceof Date ? value : new Date(value)
      if (Number.isNaN(date.getTime())) {
        throw invalid(template, `${field} is not a valid date: ${JSON.stringify(value)}`)
      }
      return new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone }).format(date)
    },
    money(field, amount, currencyCode) {
      const numeric = typeof amount === "string" ? amount.trim() : amount
      const valid =
        typeof numeric === "number" ? Number.isFinite(numeric) : typeof numeric === "string" && /^-?\d+(\.\d+)?$/.test(numeric)
      if (!valid) {
        throw invalid(template, `${field} must be a number in major units (19.99), got ${JSON.stringify(amount)}`)
      }
      let format: Intl.NumberFormat
      try {
        format = new Intl.NumberFormat(locale, { style: "currency", currency: String(currencyCode).toUpperCase() })
      } catch {
        throw invalid(template, `currency_code ${JSON.stringify(currencyCode)} is not an ISO 4217 currency`)
      }
      // A decimal string is formatted exactly (Intl.NumberFormat v3), without a float round trip.
      return format.format(numeric as unknown as number)
    },
  }
}

function requireText(template: string, field: string, value: unknown): string {
  const text = cleanText(value)
  if (!text) {
    throw invalid(template, `${field} is required`)
  }
  return text
}

function requireUrl(template: string, field: string, value: unknown): string {
  const url = httpUrl(value)
  if (!url) {
    throw invalid(template, `${field} must be an absolute http(s) URL, got ${JSON.stringify(value)}`)
  }
  return url
}

type Prepared = { subject: string; context: Record<string, unknown> }

type Preparer<T extends EmailTemplateName> = (
  data: EmailTemplateDataMap[T],
  brand: ResolvedBranding,
  format: Formatter,
  t: Translate
) => Prepared

/*
 * Each template gets a complete view model: every printed value is a string computed here
 * (formatted, validated, fallbacks applied), so the templates hold no logic beyond `if`.
 * Subjects are plain text built here, never HTML-escaped.
 */
const preparers: { [T in EmailTemplateName]: Preparer<T> } = {
  "portal-access": (data, brand, format, t) => {
    const expires = format.date("expires_at", data.expires_at)
    if (!expires) {
      throw invalid("portal-access", "expires_at is required")
    }
    return {
      subject: brand.has_business_name
        ? t("email.portal_access.subject_business", { business: brand.name })
        : t("email.portal_access.subject"),
      context: {
        first_name: cleanText(data.customer_first_name),
        portal_url: requireUrl("portal-access", "portal_url", data.portal_url),
        expires_on: expires,
      },
    }
  },
  "invoice-sent": (data, brand, format, t) => {
    const number = requireText("invoice-sent", "invoice_number", data.invoice_number)
    return {
      subject: brand.has_business_name
        ? t("email.invoice_sent.subject_business", { number, business: brand.name })
        : t("email.invoice_sent.subject", { number }),
      context: {
        first_name: cleanText(data.customer_first_name),
        invoice_number: number,
        amount: format.money("amount", data.amount, data.currency_code),
        due_on: format.date("due_date", data.due_date),
        portal_url: requireUrl("invoice-sent", "portal_url", data.portal_url),
        payment_instructions: textLines(data.payment_instructions),
      },
    }
  },
  "invoice-reminder": (data, brand, format, t) => {
    const number = requireText("invoice-reminder", "invoice_number", data.invoice_number)
    const dueOn = format.date("due_date", data.due_date)
    if (!dueOn) {
      throw invalid("invoice-reminder", "due_date is required")
    }
    const days = data.days_overdue
    if (days != null && (!Number.isInteger(days) || days < 0)) {
      throw invalid("invoice-reminder", `days_overdue must be a whole number of days, got ${JSON.stringify(days)}`)
    }
    const overdue = days ? t("email.invoice_reminder.days_overdue", { count: days }) : ""
    const what = overdue ? t("email.invoice_reminder.is_overdue", { overdue }) : t("email.invoice_reminder.is_due_on", { date: dueOn })
    return {
      subject: brand.has_business_name
        ? t("email.invoice_reminder.subject_business", { number, business: brand.name, what })
        : t("email.invoice_reminder.subject", { number, what }),
      context: {
        first_name: cleanText(data.customer_first_name),
        invoice_number: number,
        amount: format.money("amount", data.amount, data.currency_code),
        due_on: dueOn,
        overdue,
        portal_url: requireUrl("invoice-reminder", "portal_url", data.portal_url),
        payment_instructions: textLines(data.payment_instructions),
      },
    }
  },
  "estimate-sent": (data, brand, format, t) => {
    const number = requireText("estimate-sent", "estimate_number", data.estimate_number)
    return {
      subject: brand.has_business_name
        ? t("email.estimate_sent.subject_business", { number, business: brand.name })
        : t("email.estimate_sent.subject", { number }),
      context: {
        first_name: cleanText(data.customer_first_name),
        estimate_number: number,
        amount: format.money("amount", data.amount, data.currency_code),
        valid_until: format.date("valid_until", data.valid_until),
        portal_url: requireUrl("estimate-sent", "portal_url", data.portal_url),
      },
    }
  },
  "payment-receipt": (data, brand, format, t) => {
    const number = requireText("payment-receipt", "invoice_number", data.invoice_number)
    return {
      subject: brand.has_business_name
        ? t("email.payment_receipt.subject_business", { number, business: brand.name })
        : t("email.payment_receipt.subject", { number }),
      context: {
        first_name: cleanText(data.customer_first_name),
        invoice_number: number,
        amount: format.money("amount", data.amount, data.currency_code),
        paid_on: format.date("paid_at", data.paid_at),
        method_label: methodLabel(requireText("payment-receipt", "method_label", data.method_label), data.method, t),
        still_due: data.still_due != null && Number(data.still_due) > 0 ? format.money("still_due", data.still_due, data.currency_code) : null,
        portal_url: requireUrl("payment-receipt", "portal_url", data.portal_url),
      },
    }
  },
  "deposit-receipt": (data, brand, format, t) => {
    const number = requireText("deposit-receipt", "estimate_number", data.estimate_number)
    return {
      subject: brand.has_business_name
        ? t("deposit.email.subject_business", { number, business: brand.name })
        : t("deposit.email.subject", { number }),
      context: {
        first_name: cleanText(data.customer_first_name),
        estimate_number: number,
        amount: format.money("amount", data.amount, data.currency_code),
        paid_on: format.date("paid_at", data.paid_at),
        portal_url: requireUrl("deposit-receipt", "portal_url", data.portal_url),
      },
    }
  },
  "payment-refunded": (data, brand, format, t) => {
    const number = requireText("payment-refunded", "invoice_number", data.invoice_number)
    return {
      subject: brand.has_business_name
        ? t("email.payment_refunded.subject_business", { number, business: brand.name })
        : t("email.payment_refunded.subject", { number }),
      context: {
        first_name: cleanText(data.customer_first_name),
        invoice_number: number,
        amount: format.money("amount", data.amount, data.currency_code),
        refunded_on: format.date("refunded_at", data.refunded_at),
        still_due: data.still_due != null && Number(data.still_due) > 0 ? format.money("still_due", data.still_due, data.currency_code) : null,
        portal_url: requireUrl("payment-refunded", "portal_url", data.portal_url),
      },
    }
  },
  "estimate-approved": (data, brand, format, t) => {
    const number = requireText("estimate-approved", "estimate_number", data.estimate_number)
    const hash = requireText("estimate-approved", "document_hash", data.document_hash)
    return {
      subject: brand.has_business_name
        ? t("email.estimate_approved.subject_business", { number, business: brand.name })
        : t("email.estimate_approved.subject", { number }),
      context: {
        first_name: cleanText(data.customer_first_name),
        estimate_number: number,
        amount: format.money("amount", data.amount, data.currency_code),
        signed_name: cleanText(data.signed_name),
        approved_on: format.date("decided_at", data.decided_at),
        document_hash: hash,
        portal_url: requireUrl("estimate-approved", "portal_url", data.portal_url),
      },
    }
  },
  statement: (data, brand, format, t) => {
    const from = format.date("from", data.from)
    const to = format.date("to", data.to)
    if (!from || !to) {
      throw invalid("statement", "from and to are required")
    }
    if (!Array.isArray(data.balances)) {
      throw invalid("statement", "balances must be an array")
    }
    return {
      subject: brand.has_business_name
        ? t("email.statement.subject_business", { business: brand.name })
        : t("email.statement.subject"),
      context: {
        first_name: cleanText(data.customer_first_name),
        from_day: from,
        to_day: to,
        balances: data.balances.map((b, i) => format.money(`balances[${i}].amount`, b.amount, b.currency_code)),
        portal_url: requireUrl("statement", "portal_url", data.portal_url),
      },
    }
  },
  "payment-batch-receipt": (data, brand, format, t) => {
    if (!Array.isArray(data.invoices) || !data.invoices.length) {
      throw invalid("payment-batch-receipt", "invoices must list the invoices the payment was applied to")
    }
    const count = data.invoices.length
    const amount = format.money("amount", data.amount, data.currency_code)
    return {
      subject: brand.has_business_name
        ? t("multipay.email.subject_business", { count, business: brand.name })
        : t("multipay.email.subject", { count }),
      context: {
        first_name: cleanText(data.customer_first_name),
        count,
        amount,
        paid_on: format.date("paid_at", data.paid_at),
        method_label: methodLabel(requireText("payment-batch-receipt", "method_label", data.method_label), data.method, t),
        invoices: data.invoices.map((invoice, i) => ({
          number: requireText("payment-batch-receipt", `invoices[${i}].invoice_number`, invoice.invoice_number),
          applied: format.money(`invoices[${i}].amount`, invoice.amount, data.currency_code),
          still_due:
            invoice.still_due != null && Number(invoice.still_due) > 0
              ? format.money(`invoices[${i}].still_due`, invoice.still_due, data.currency_code)
              : null,
        })),
        portal_url: requireUrl("payment-batch-receipt", "portal_url", data.portal_url),
      },
    }
  },
  // To the owner, in the admin's language (English): not a customer-facing email.
  "estimate-decided": (data, _brand, format) => {
    const number = requireText("estimate-decided", "estimate_number", data.estimate_number)
    const customer = requireText("estimate-decided", "customer_name", data.customer_name)
    const verb = data.decision === "accepted" ? "approved" : "rejected"
    return {
      subject: `${customer} ${verb} estimate ${number}`,
      context: {
        customer_name: customer,
        estimate_number: number,
        verb,
        amount: format.money("amount", data.amount, data.currency_code),
        note: cleanText(data.note),
        admin_url: requireUrl("estimate-decided", "admin_url", data.admin_url),
      },
    }
  },
}

/** A payment method in the email's language when the caller named it (its code); the given label otherwise. */
function methodLabel(label: string, method: string | undefined, t: Translate) {
  return method ? t(`payment_method.${paymentMethodLabel(method) === label ? method : "other"}`) : label
}

/** Blank lines left by `if` blocks collapse to one; lines lose trailing spaces. */
function tidyText(text: string): string {
  return (
    text
      .split("\n")
      .map((line) => line.replace(/[ \t]+$/, ""))
      .join("\n")
      .replace(/\n{3,}/g, "\n\n")
      .trim() + "\n"
  )
}

/**
 * Renders one of the plugin's emails to `{ subject, html, text }`, ready to pass as `content` to
 * the Notification module (`createNotifications({ to, channel: "email", template, content })`).
 * Every value is HTML-escaped in the HTML version; invalid input throws an INVALID_DATA error
 * that names the field.
 */
export function renderEmail<T extends EmailTemplateName>(
  template: T,
  data: EmailTemplateDataMap[T],
  branding?: EmailBranding | null
): RenderedEmail {
  if (!isEmailTemplateName(template)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `renderEmail: unknown template ${JSON.stringify(template)}`)
  }
  if (!data || typeof data !== "object") {
    throw invalid(template, "data is required")
  }
  // The words follow the language of `locale` ("es-MX" reads Spanish); dates and amounts its region.
  const language = template === "estimate-decided" ? DEFAULT_LANGUAGE : (supportedLocale(data.locale) ?? DEFAULT_LANGUAGE)
  const t = translator(language)
  const resolved = resolveBranding(branding)
  const brand = resolved.has_business_name ? resolved : { ...resolved, name: t("page.layout.brand_fallback") }
  const prepare = preparers[template] as Preparer<T>
  const { subject, context } = prepare(data, brand, formatter(template, data), t)
  const view = { ...context, brand, subject, t, language }
  const env = getEnvironments()
  return {
    subject,
    html: env.html.render(`${template}.html.njk`, view),
    text: tidyText(env.text.render(`${template}.text.njk`, view)),
  }
}
