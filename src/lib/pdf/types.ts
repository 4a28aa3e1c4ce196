import type { PdfEstimateDecision } from "./decision-section"
/**
 * What the invoice / estimate PDFs print. The caller (the portal serializer) decides what is
 * customer-visible and passes only that: the PDF prints every field it is given and nothing else.
 */

/** Branding from the portal settings; every field may be missing (the email fallbacks apply). */
export type PdfBranding = {
  /** Header and PDF Author; "Customer portal" when empty. */
  business_name?: string | null
  /** Accepted for symmetry with the emails but never drawn: rendering must not fetch anything. */
  logo_url?: string | null
  /** Seller block under the business name: the address as typed, one printed line per line. */
  business_address?: string | null
  /** Seller block: "Tax ID …". */
  tax_id?: string | null
  /** Header rule and status badge, `#rrggbb` only; #2563eb otherwise. */
  accent_color?: string | null
  /** Footer "Questions? Email …"; no footer line when empty or not an address. */
  support_email?: string | null
}

/** Money in major units (19.99); a decimal string ("19.99") is printed without a float round trip. */
export type PdfAmount = number | string

/** A Date (as stored) or an ISO string (as serialised). */
export type PdfDate = Date | string

export type PdfCustomer = {
  name: string
  email?: string | null
  company?: string | null
  /** Postal address, one printed line each. */
  address_lines?: string[] | null
}

export type PdfLine = {
  title: string
  description?: string | null
  quantity: PdfAmount
  unit_price: PdfAmount
  /** Percent (20 = 20 %); the tax column is blank when missing. */
  tax_rate?: PdfAmount | null
  /** Printed as given: the PDF never recomputes amounts. */
  total: PdfAmount
}

export type PdfPayment = {
  paid_at: PdfDate
  amount: PdfAmount
  /** e.g. "Card", "Bank transfer". */
  method_label: string
}

type PdfDocumentBase = {
  /** Display number, e.g. INV-0001. */
  number: string
  /** Already translated for the customer: "Paid", "Unpaid", "Overdue", "Pending", … */
  status_label: string
  /** The display status ("paid", "overdue", …) that picks the badge colour; the accent colour when missing or unknown. */
  status?: string | null
  issue_date: PdfDate
  /** ISO 4217, any case ("usd"). */
  currency_code: string
  customer: PdfCustomer
  lines: PdfLine[]
  subtotal: PdfAmount
  tax_total: PdfAmount
  total: PdfAmount
  /** Customer-visible notes only; internal notes must never be passed here. */
  notes?: string | null
}

export type PdfInvoiceData = PdfDocumentBase & {
  kind: "invoice"
  due_date?: PdfDate | null
  /** 0 when missing. */
  amount_paid?: PdfAmount | null
  /** "Amount due"; total − amount paid (never below 0) when missing. */
  open_amount?: PdfAmount | null
  payments?: PdfPayment[] | null
  /** The owner's payment instructions, printed under "How to pay" (the caller passes them only while something is due). */
  payment_instructions?: string | null
  /** Where the customer pays online; printed as a link under "How to pay" when given. */
  pay_url?: string | null
}

export type PdfEstimateData = PdfDocumentBase & {
  kind: "estimate"
  valid_until?: PdfDate | null
  /** The customer's signed decision (see `decision-section.ts`); none while pending. */
  decision?: PdfEstimateDecision | null
}

/** One currency of a statement: what lib/statement.ts computed, as the portal serializer gives it. */
export type PdfStatementSection = {
  currency_code: string
  opening_balance: PdfAmount
  entries: {
    date: PdfDate
    /** "Invoice INV-0001", "Payment for INV-0001 (Cash)", … */
    description: string
    debit?: PdfAmount | null
    credit?: PdfAmount | null
    balance: PdfAmount
  }[]
  total_debits: PdfAmount
  total_credits: PdfAmount
  closing_balance: PdfAmount
  ageing: { buckets: { label: string; amount: PdfAmount }[]; total: PdfAmount }
}

/** A statement of account: the customer's balance over a period, one section per currency. */
export type PdfStatementData = {
  kind: "statement"
  /** Calendar days, YYYY-MM-DD, both included. */
  period: { from: string; to: string }
  customer: PdfCustomer
  sections: PdfStatementSection[]
}

export type PdfDocumentData = PdfInvoiceData | PdfEstimateData | PdfStatementData

export type PdfDocumentKind = PdfDocumentData["kind"]

export type PdfRenderOptions = {
  /** BCP 47 locale for dates and amounts; "en-US" by default (and when unknown). */
  locale?: string
  /** IANA time zone for dates; "UTC" by default, so date-only values never shift a day. */
  time_zone?: string
}
