/**
 * The emails the plugin sends, and what each needs. `renderEmail(name, data, branding)` is typed
 * by this map, so a caller cannot forget a field a template prints.
 */

/** Branding from the portal settings; every field may be missing (sensible fallbacks apply). */
export type EmailBranding = {
  /** Shown in the header and subjects; "Customer portal" when empty. */
  business_name?: string | null
  /** http(s) URL of a logo; no image when empty or not http(s). */
  logo_url?: string | null
  /** Button colour, `#rrggbb` only; the default blue otherwise. */
  accent_color?: string | null
  /** Footer "Questions? Write to …"; no footer line when empty. */
  support_email?: string | null
}

/** Formatting options every template accepts. */
export type EmailFormatting = {
  /**
   * BCP 47 locale: the words follow its language when the catalogs have it ("es", "es-MX";
   * English otherwise), dates and amounts the whole tag; "en-US" by default.
   */
  locale?: string
  /** IANA time zone for dates; "UTC" by default, so date-only values never shift a day. */
  time_zone?: string
}

/** A date as stored by Medusa (Date) or serialised in JSON (ISO string). */
export type EmailDate = Date | string

/** Money in major units (19.99), as everywhere in Medusa v2; a decimal string keeps precision. */
export type EmailAmount = number | string

export type PortalAccessEmailData = EmailFormatting & {
  customer_first_name?: string | null
  /** The personal magic link (`https://…/portal/access/<token>`). */
  portal_url: string
  /** When the link stops working. */
  expires_at: EmailDate
}

export type InvoiceSentEmailData = EmailFormatting & {
  customer_first_name?: string | null
  /** Display number, e.g. INV-0001. */
  invoice_number: string
  /** Amount due (the invoice total, or what is left to pay). */
  amount: EmailAmount
  /** ISO 4217, any case ("usd"). */
  currency_code: string
  due_date?: EmailDate | null
  /** Where the customer views (and pays) the invoice. */
  portal_url: string
  /** The owner's "Payment instructions" setting (bank transfer details…), printed as typed. */
  payment_instructions?: string | null
}

/** To the customer: a reminder of the owner's schedule about an unpaid invoice. */
export type InvoiceReminderEmailData = EmailFormatting & {
  customer_first_name?: string | null
  invoice_number: string
  /** What is left to pay. */
  amount: EmailAmount
  currency_code: string
  due_date: EmailDate
  /** Whole days past the due date; 0 or null while it is not overdue yet. */
  days_overdue?: number | null
  /** Opens that invoice (a fresh magic link with next=/portal/invoices/:id), where Pay Now is. */
  portal_url: string
  payment_instructions?: string | null
}

export type EstimateSentEmailData = EmailFormatting & {
  customer_first_name?: string | null
  /** Display number, e.g. EST-0001. */
  estimate_number: string
  amount: EmailAmount
  currency_code: string
  valid_until?: EmailDate | null
  /** Where the customer reviews, accepts or rejects the estimate. */
  portal_url: string
}

/** To the customer: their payment was received (the paid invoice is attached as a PDF). */
export type PaymentReceiptEmailData = EmailFormatting & {
  customer_first_name?: string | null
  invoice_number: string
  amount: EmailAmount
  currency_code: string
  paid_at: EmailDate
  method_label: string
  /** What is still due after a part payment; absent or 0 when this payment settled the invoice. */
  still_due?: EmailAmount | null
  /** The method's code (`bank_transfer`): the label is then printed in the email's language. */
  method?: string
  /** Where the customer sees the invoice (the portal home; the session decides access). */
  portal_url: string
}

/** To the customer: their deposit on an approved estimate was received (issue #15). */
export type DepositReceiptEmailData = EmailFormatting & {
  customer_first_name?: string | null
  estimate_number: string
  amount: EmailAmount
  currency_code: string
  paid_at: EmailDate
  /** Where the customer sees the estimate. */
  portal_url: string
}

/** To the customer: the owner refunded (part of) their online payment. */
export type PaymentRefundedEmailData = EmailFormatting & {
  customer_first_name?: string | null
  invoice_number: string
  amount: EmailAmount
  currency_code: string
  refunded_at: EmailDate
  /** What the invoice now asks for; 0 or absent when nothing is due. */
  still_due?: EmailAmount | null
  /** Where the customer sees the invoice and its refunds. */
  portal_url: string
}

/** To the owner: a customer approved or rejected an estimate in the portal. */
export type EstimateDecidedEmailData = EmailFormatting & {
  customer_name: string
  estimate_number: string
  decision: "accepted" | "rejected"
  amount: EmailAmount
  currency_code: string
  /** The customer's optional reason. */
  note?: string | null
  /** The estimate in the Medusa admin. */
  admin_url: string
}

/** To the customer: the record of their signed approval (the approved estimate is attached as a PDF). */
export type EstimateApprovedEmailData = EmailFormatting & {
  customer_first_name?: string | null
  estimate_number: string
  amount: EmailAmount
  currency_code: string
  /** The full name the customer typed; null when none was typed. */
  signed_name?: string | null
  decided_at: EmailDate
  /** SHA-256 of the estimate as the customer was shown it. */
  document_hash: string
  /** Where the customer sees the estimate. */
  portal_url: string
}

/** To the customer: their statement of account for a period (the statement is attached as a PDF). */
export type StatementEmailData = EmailFormatting & {
  customer_first_name?: string | null
  /** First and last day of the period. */
  from: EmailDate
  to: EmailDate
  /** The closing balance per currency; none when the period has nothing. */
  balances: { amount: EmailAmount; currency_code: string }[]
  /** Where the customer sees the same statement. */
  portal_url: string
}

/** To the customer: one card payment for several invoices was received and applied oldest first. */
export type PaymentBatchReceiptEmailData = EmailFormatting & {
  customer_first_name?: string | null
  /** What Stripe took, applied to the invoices below. */
  amount: EmailAmount
  currency_code: string
  paid_at: EmailDate
  method_label: string
  method?: string
  /** Oldest first: what the payment gave each invoice and what each still asks for. */
  invoices: { invoice_number: string; amount: EmailAmount; still_due?: EmailAmount | null }[]
  portal_url: string
}

export type EmailTemplateDataMap = {
  "portal-access": PortalAccessEmailData
  "invoice-sent": InvoiceSentEmailData
  "invoice-reminder": InvoiceReminderEmailData
  "estimate-sent": EstimateSentEmailData
  "estimate-decided": EstimateDecidedEmailData
  "payment-receipt": PaymentReceiptEmailData
  "estimate-approved": EstimateApprovedEmailData
  "payment-refunded": PaymentRefundedEmailData
  statement: StatementEmailData
  "deposit-receipt": DepositReceiptEmailData
  "payment-batch-receipt": PaymentBatchReceiptEmailData
}

export type EmailTemplateName = keyof EmailTemplateDataMap

export type EmailTemplateData<T extends EmailTemplateName = EmailTemplateName> = EmailTemplateDataMap[T]

export const EMAIL_TEMPLATES = ["portal-access", "invoice-sent", "estimate-sent", "estimate-decided", "payment-receipt", "estimate-approved", "payment-refunded", "invoice-reminder", "statement", "deposit-receipt", "payment-batch-receipt"] as const satisfies readonly EmailTemplateName[]

export function isEmailTemplateName(value: unknown): value is EmailTemplateName {
  return typeof value === "string" && (EMAIL_TEMPLATES as readonly string[]).includes(value)
}

/** What a notification provider needs: pass it as `content` to `createNotifications`. */
export type RenderedEmail = {
  subject: string
  html: string
  text: string
}
