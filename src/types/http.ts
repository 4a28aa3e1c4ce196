/**
 * JSON shapes of the plugin's admin routes (src/api/admin), shared by the routes (the type of what
 * they send, `MedusaResponse<Sendable<…>>`) and the admin extension (what it reads). Money is in
 * major units (19.99); dates travel as ISO strings.
 *
 * Types only: the admin bundle imports this file with `import type`, so nothing here may be a
 * value, and the only imports are types from dependency-free files.
 */
import type {
  EstimateStatus,
  InvoicePaymentMethod,
  InvoiceStatus,
  PortalEventActor,
  PortalTokenSource,
} from "../modules/portal/constants"
import type { EstimateDisplayStatus, InvoiceDisplayStatus } from "../lib/status"
import type { PortalLocale } from "../lib/i18n/locale"

export type { EstimateDisplayStatus, EstimateStatus, InvoiceDisplayStatus, InvoicePaymentMethod, InvoiceStatus }

/** What a route may pass to `res.json()`: a Date is sent as its ISO string. */
export type Sendable<T> = T extends string
  ? T | Date
  : T extends readonly (infer U)[]
    ? Sendable<U>[]
    : T extends object
      ? { [K in keyof T]: Sendable<T[K]> }
      : T

export type AdminDocumentKind = "invoice" | "estimate"

/** BigNumber fields serialise as numbers; older rows may come back as numeric strings. */
export type AdminAmount = number | string

export type AdminPaginated = { count: number; offset: number; limit: number }

// ── Invoices and estimates ───────────────────────────────────────────────────

export type AdminDocumentLine = {
  id: string
  title: string
  description: string | null
  quantity: AdminAmount
  unit_price: AdminAmount
  tax_rate: AdminAmount | null
  subtotal: AdminAmount
  tax_total: AdminAmount
  total: AdminAmount
  rank: number
}

/** The `customer.*` fields the admin asks for with `fields=`. */
export type AdminCustomerSummary = {
  id: string
  email: string | null
  first_name: string | null
  last_name: string | null
  company_name: string | null
}

type AdminDocumentBase = {
  id: string
  display_number: string | null
  customer_id: string
  currency_code: string
  issue_date: string
  subtotal: AdminAmount
  tax_total: AdminAmount
  total: AdminAmount
  notes?: string | null
  internal_note?: string | null
  sent_at: string | null
  created_at: string
  updated_at: string
  lines?: AdminDocumentLine[]
  customer?: AdminCustomerSummary | null
}

export type AdminInvoicePayment = {
  id: string
  amount: AdminAmount
  method: InvoicePaymentMethod
  paid_at: string
  reference: string | null
  payment_id: string | null
  /** What the owner refunded of it (online payments only). */
  refunded_amount?: AdminAmount
  refunded_at?: string | null
  created_at: string
}

export type AdminInvoice = AdminDocumentBase & {
  status: InvoiceStatus
  /** What the owner and the customer see: Overdue is derived from the due date at read time. */
  display_status: InvoiceDisplayStatus
  due_date: string | null
  amount_paid: AdminAmount
  open_amount?: AdminAmount
  paid_at: string | null
  voided_at: string | null
  estimate_id: string | null
  order_id: string | null
  /** Part payments online: null follows the settings' default. */
  allow_partial_payments?: boolean | null
  /** Smallest part payment (major units): null follows the settings' default. */
  partial_payment_minimum?: AdminAmount | null
  payments?: AdminInvoicePayment[]
}

export type AdminEstimate = AdminDocumentBase & {
  status: EstimateStatus
  display_status: EstimateDisplayStatus
  valid_until: string | null
  is_expired?: boolean
  decided_at: string | null
  decision_note: string | null
  invoice_id: string | null
  /** The rejected estimate this one revises (EST-0007 for EST-0007-2); null for a first version. */
  revision_of_id?: string | null
  /** Version in its revision chain: 1, then 2 for EST-0007-2, … */
  revision?: number
  /** The detail read's revision history: the estimate this one revises … */
  revision_of?: AdminEstimateRevisionLink | null
  /** … and the newer revision of this one, if the owner revised it. */
  revised_as?: AdminEstimateRevisionLink | null
  /** The deposit asked once approved (issue #15): "percent" or "amount"; null: none. */
  deposit_type?: "percent" | "amount" | null
  /** Percent, or an amount in major units, per `deposit_type`. */
  deposit_value?: AdminAmount | null
  /** What the deposit comes to (major units), computed by the server. */
  deposit_amount?: number
  /** What the customer paid of it online. */
  deposit_paid?: AdminAmount
  deposit_payment_id?: string | null
  deposit_paid_at?: string | null
}

/** One neighbour in an estimate's revision chain, enough for a link. */
export type AdminEstimateRevisionLink = {
  id: string
  display_number: string | null
  status: EstimateStatus
  revision: number
}

export type AdminDocument = AdminInvoice | AdminEstimate

export type AdminInvoiceResponse = { invoice: AdminInvoice }
export type AdminInvoiceListResponse = AdminPaginated & { invoices: AdminInvoice[] }
export type AdminEstimateResponse = { estimate: AdminEstimate }

/** A customer's signed approval or rejection of an estimate (append-only). */
export type AdminEstimateDecision = {
  id: string
  estimate_id: string
  decision: "accepted" | "rejected"
  /** The full name the customer typed to sign. */
  signed_name: string | null
  /** The terms the customer accepted, as they read then. */
  accepted_terms: string | null
  note: string | null
  /** SHA-256 of the estimate exactly as the customer was shown it. */
  document_hash: string
  decided_at: string
  display_number: string | null
  currency_code: string
  total: number
  portal_session_id: string | null
  ip: string | null
  user_agent: string | null
}
export type AdminEstimateDecisionsResponse = { decisions: AdminEstimateDecision[] }
export type AdminEstimateListResponse = AdminPaginated & { estimates: AdminEstimate[] }
/** POST /admin/estimates/:id/convert: the new draft invoice and the estimate it came from. */
export type AdminConvertEstimateResponse = AdminInvoiceResponse & AdminEstimateResponse
/** POST /admin/estimates/:id/revise: the new draft revision (its `revision_of` is the original). */
export type AdminReviseEstimateResponse = AdminEstimateResponse
export type AdminDeleteResponse<O extends string> = { id: string; object: O; deleted: true }

/** Body of POST /admin/invoices and /admin/estimates (and of their draft updates). */
export type AdminDocumentInput = {
  customer_id: string
  currency_code: string
  issue_date?: string
  due_date?: string | null
  valid_until?: string | null
  notes?: string | null
  internal_note?: string | null
  lines: {
    title: string
    description?: string | null
    quantity: number
    unit_price: number
    tax_rate?: number | null
  }[]
}

/** Body of POST /admin/invoices/:id/payments: offline payments only. */
export type AdminRecordPaymentInput = {
  amount: number
  method: Exclude<InvoicePaymentMethod, "stripe">
  paid_at?: string
  reference?: string | null
}

// ── Settings ─────────────────────────────────────────────────────────────────

export type AdminPortalSettings = {
  id: string
  enabled: boolean
  allow_payments: boolean
  allow_estimates: boolean
  allow_invoices: boolean
  allow_profile_updates: boolean
  allow_service_history: boolean
  link_ttl_days: number
  business_name: string | null
  logo_url: string | null
  accent_color: string
  support_email: string | null
  invoice_prefix: string
  estimate_prefix: string
  owner_notification_email: string | null
  /** Approving an estimate needs the customer's typed full name. */
  approval_requires_name: boolean
  /** Terms the customer must accept (a checkbox) to approve; null for none. */
  approval_terms: string | null
  payment_instructions: string | null
  business_address: string | null
  tax_id: string | null
  /** Default of invoices that do not say: the customer may pay part of the amount due online. */
  allow_partial_payments: boolean
  /** Default smallest part payment (major units); null: any amount above zero. */
  partial_payment_minimum: number | null
  /** Language of customers who chose none and whose browser asks for none the portal speaks. */
  default_locale: string
  /** Overdue reminders on (the schedule below). */
  reminders_enabled: boolean
  /** A reminder this many days before the due date; 0: none. */
  reminder_days_before: number
  reminder_on_due_date: boolean
  /** Then one every this many days while unpaid; 0: none. */
  reminder_every_days_after: number
  /** At most this many reminders after the due date. */
  reminder_max: number
}

export type AdminPortalSettingsResponse = { portal_settings: AdminPortalSettings }
export type AdminUpdatePortalSettingsInput = Partial<Omit<AdminPortalSettings, "id">>

// ── Portal access and activity ───────────────────────────────────────────────

export type AdminPortalLink = {
  id: string
  source: PortalTokenSource
  created_at: string
  expires_at: string
  last_used_at: string | null
}

export type AdminPortalAccess = {
  customer_id: string
  status: "enabled" | "disabled" | "never_sent"
  enabled: boolean
  first_sent_at: string | null
  last_sent_at: string | null
  last_opened_at: string | null
  disabled_at: string | null
  /** The language the customer reads the portal, emails and PDFs in; null: their browser's, then the shop's. */
  locale: PortalLocale | null
  /** Overdue reminders turned off for this customer (by them in Profile, or by the owner). */
  reminders_opt_out: boolean
  links: AdminPortalLink[]
}

export type AdminPortalAccessResponse = { portal_access: AdminPortalAccess }
export type AdminSetRemindersOptOutInput = { opt_out: boolean }
/** "Send Portal Access": whether the email left, and the access after it. */
export type AdminSendPortalAccessResponse = AdminPortalAccessResponse & {
  email: { status: "success" | "failure"; error?: string }
}
/** The owner's "Email statement": the period sent and how the email went. */
export type AdminSendStatementResponse = {
  period: { from: string; to: string }
  email: { status: "success" | "failure"; error?: string }
}
/** A link returned to the owner instead of emailed ("Copy portal link", "View portal as customer"). */
export type AdminPortalLinkResponse = { link: { id: string; url: string; expires_at: string } }

export type AdminPortalEvent = {
  id: string
  /** A `PortalEventType`; typed as text so an event kind added later still reads. */
  type: string
  customer_id: string | null
  actor: PortalEventActor
  /** "invoice" or "estimate" when the event is about a document. */
  subject_type: string | null
  subject_id: string | null
  data: Record<string, unknown> | null
  created_at: string
  /**
   * The document the event is about, as it is now (its number once sent); null when the event is
   * about none, or the document was deleted since.
   */
  document?: AdminPortalEventDocument | null
}

/** What names and links an activity entry's document in the admin. */
export type AdminPortalEventDocument = { type: "invoice" | "estimate"; id: string; display_number: string | null }

export type AdminPortalActivityResponse = AdminPaginated & { events: AdminPortalEvent[] }
