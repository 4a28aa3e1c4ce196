import type { BigNumberInput, InferTypeOf } from "@medusajs/framework/types"
import type {
  Estimate,
  EstimateLine,
  Invoice,
  InvoiceLine,
  InvoicePayment,
  PortalAccess,
  PortalEvent,
  PortalSettings,
  PortalToken,
} from "../modules/portal/models"
import type { PortalEventActor, PortalEventType } from "../modules/portal/constants"

export type ModuleInvoice = InferTypeOf<typeof Invoice>
export type ModuleInvoiceLine = InferTypeOf<typeof InvoiceLine>
export type ModuleInvoicePayment = InferTypeOf<typeof InvoicePayment>
export type ModuleEstimate = InferTypeOf<typeof Estimate>
export type ModuleEstimateLine = InferTypeOf<typeof EstimateLine>
export type ModulePortalSettings = InferTypeOf<typeof PortalSettings>
export type ModulePortalAccess = InferTypeOf<typeof PortalAccess>
export type ModulePortalToken = InferTypeOf<typeof PortalToken>
export type ModulePortalEvent = InferTypeOf<typeof PortalEvent>

/** A line as the owner enters it; totals are always computed by the service. */
export type ModuleDocumentLineInput = {
  title: string
  description?: string | null
  quantity: BigNumberInput
  unit_price: BigNumberInput
  /** Percentage, 20 = 20 %. */
  tax_rate?: BigNumberInput | null
}

type DocumentInput = {
  customer_id: string
  currency_code: string
  /** Defaults to now. */
  issue_date?: Date | string
  notes?: string | null
  internal_note?: string | null
  metadata?: Record<string, unknown> | null
  lines?: ModuleDocumentLineInput[]
}

export type ModuleCreateInvoice = DocumentInput & {
  due_date?: Date | string | null
  estimate_id?: string | null
  order_id?: string | null
}

/** Replaces the given fields; `lines`, when given, replaces every line. */
export type ModuleUpdateInvoice = Partial<Omit<ModuleCreateInvoice, "customer_id">> & { customer_id?: string }

export type ModuleCreateEstimate = DocumentInput & {
  valid_until?: Date | string | null
}

export type ModuleUpdateEstimate = Partial<Omit<ModuleCreateEstimate, "customer_id">> & { customer_id?: string }

export type ModuleUpdatePortalSettings = Partial<
  Pick<
    ModulePortalSettings,
    | "enabled"
    | "allow_payments"
    | "allow_estimates"
    | "allow_invoices"
    | "allow_profile_updates"
    | "allow_service_history"
    | "link_ttl_days"
    | "business_name"
    | "logo_url"
    | "accent_color"
    | "support_email"
    | "invoice_prefix"
    | "estimate_prefix"
    | "owner_notification_email"
    | "approval_requires_name"
    | "approval_terms"
    | "payment_instructions"
    | "business_address"
    | "tax_id"
    | "allow_partial_payments"
    | "partial_payment_minimum"
    | "default_locale"
    | "reminders_enabled"
    | "reminder_days_before"
    | "reminder_on_due_date"
    | "reminder_every_days_after"
    | "reminder_max"
  >
>

export type ModuleLogPortalEvent = {
  type: PortalEventType
  customer_id?: string | null
  actor?: PortalEventActor
  subject_type?: "invoice" | "estimate" | null
  subject_id?: string | null
  data?: Record<string, unknown> | null
}
