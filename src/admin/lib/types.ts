/**
 * Shapes of the plugin's admin routes as the admin extension reads them (see src/api/admin).
 * Money is in major units (19.99); dates are ISO strings.
 */

export type InvoiceStatus = "draft" | "sent" | "paid" | "void"
/** What the owner and the customer see: Overdue is derived from the due date at read time. */
export type InvoiceDisplayStatus = "draft" | "unpaid" | "overdue" | "paid" | "void"
export type EstimateStatus = "draft" | "sent" | "accepted" | "rejected"
export type EstimateDisplayStatus = "draft" | "pending" | "accepted" | "rejected"
export type DocumentKind = "invoice" | "estimate"

export type Amount = number | string

export type AdminDocumentLine = {
  id: string
  title: string
  description: string | null
  quantity: Amount
  unit_price: Amount
  tax_rate: Amount | null
  subtotal: Amount
  tax_total: Amount
  total: Amount
  rank: number
}

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
  subtotal: Amount
  tax_total: Amount
  total: Amount
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
  amount: Amount
  method: "stripe" | "cash" | "check" | "bank_transfer" | "card" | "other"
  paid_at: string
  reference: string | null
  payment_id: string | null
  created_at: string
}

export type AdminInvoice = AdminDocumentBase & {
  status: InvoiceStatus
  display_status: InvoiceDisplayStatus
  due_date: string | null
  amount_paid: Amount
  open_amount?: Amount
  paid_at: string | null
  voided_at: string | null
  estimate_id: string | null
  order_id: string | null
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
}

export type AdminDocument = AdminInvoice | AdminEstimate

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
}

export type AdminPortalLink = {
  id: string
  source: "email" | "link"
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
  links: AdminPortalLink[]
}

export type AdminPortalEvent = {
  id: string
  type: string
  customer_id: string | null
  actor: "customer" | "owner" | "system"
  subject_type: DocumentKind | null
  subject_id: string | null
  data: Record<string, unknown> | null
  created_at: string
}

export type PaginatedResponse = { count: number; offset: number; limit: number }
export type AdminInvoiceListResponse = PaginatedResponse & { invoices: AdminInvoice[] }
export type AdminEstimateListResponse = PaginatedResponse & { estimates: AdminEstimate[] }
export type AdminPortalActivityResponse = PaginatedResponse & { events: AdminPortalEvent[] }

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
