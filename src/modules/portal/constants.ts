/** Stored lifecycle of an invoice. The customer-facing label is derived (see `lib/status.ts`). */
export const InvoiceStatus = {
  DRAFT: "draft",
  SENT: "sent",
  PAID: "paid",
  VOID: "void",
} as const
export type InvoiceStatus = (typeof InvoiceStatus)[keyof typeof InvoiceStatus]

/** Stored lifecycle of an estimate. */
export const EstimateStatus = {
  DRAFT: "draft",
  SENT: "sent",
  ACCEPTED: "accepted",
  REJECTED: "rejected",
} as const
export type EstimateStatus = (typeof EstimateStatus)[keyof typeof EstimateStatus]

/** How the owner states an estimate's deposit: a share of the total, or a fixed amount. */
export const DepositType = {
  PERCENT: "percent",
  AMOUNT: "amount",
} as const
export type DepositType = (typeof DepositType)[keyof typeof DepositType]

export const InvoicePaymentMethod = {
  STRIPE: "stripe",
  CASH: "cash",
  CHECK: "check",
  BANK_TRANSFER: "bank_transfer",
  CARD: "card",
  OTHER: "other",
} as const
export type InvoicePaymentMethod = (typeof InvoicePaymentMethod)[keyof typeof InvoicePaymentMethod]

/** How a portal link reached the customer. */
export const PortalTokenSource = {
  EMAIL: "email",
  LINK: "link",
} as const
export type PortalTokenSource = (typeof PortalTokenSource)[keyof typeof PortalTokenSource]

/** Where a portal session is used: the plugin's pages (cookie) or a storefront (Bearer token). */
export const PortalSessionChannel = {
  PAGES: "pages",
  STORE: "store",
} as const
export type PortalSessionChannel = (typeof PortalSessionChannel)[keyof typeof PortalSessionChannel]

export const PortalEventActor = {
  CUSTOMER: "customer",
  OWNER: "owner",
  SYSTEM: "system",
} as const
export type PortalEventActor = (typeof PortalEventActor)[keyof typeof PortalEventActor]

/**
 * Activity log entries. Stored as text (not a DB enum) so that a new kind of event needs no
 * migration; the service only accepts the kinds listed here.
 */
export const PortalEventType = {
  LINK_SENT: "link_sent",
  LINK_CREATED: "link_created",
  LINK_REVOKED: "link_revoked",
  LINK_OPENED: "link_opened",
  LINK_OPEN_FAILED: "link_open_failed",
  SIGNED_OUT: "signed_out",
  LOGIN_REQUESTED: "login_requested",
  ACCESS_DISABLED: "access_disabled",
  ACCESS_ENABLED: "access_enabled",
  EMAIL_FAILED: "email_failed",
  EMAIL_SKIPPED: "email_skipped",
  INVOICE_SENT: "invoice_sent",
  INVOICE_VIEWED: "invoice_viewed",
  INVOICE_VOIDED: "invoice_voided",
  ESTIMATE_SENT: "estimate_sent",
  ESTIMATE_VIEWED: "estimate_viewed",
  PDF_DOWNLOADED: "pdf_downloaded",
  PAYMENT_STARTED: "payment_started",
  PAYMENT_SUCCEEDED: "payment_succeeded",
  PAYMENT_FAILED: "payment_failed",
  PAYMENT_RECORDED: "payment_recorded",
  /** A card payment came in above the amount due; the excess went back to the card. */
  PAYMENT_REFUNDED: "payment_refunded",
  ESTIMATE_ACCEPTED: "estimate_accepted",
  /** The customer paid the deposit of an approved estimate online (issue #15). */
  DEPOSIT_PAID: "deposit_paid",
  ESTIMATE_REJECTED: "estimate_rejected",
  PROFILE_UPDATED: "profile_updated",
  /** An overdue reminder of the owner's schedule was emailed (data: the step). */
  REMINDER_SENT: "reminder_sent",
  /** The customer or the owner turned payment reminders off or on. */
  REMINDERS_OPT_OUT_CHANGED: "reminders_opt_out_changed",
  /** The owner emailed the customer a statement of account (data: the period and the email's status). */
  STATEMENT_SENT: "statement_sent",
} as const
export type PortalEventType = (typeof PortalEventType)[keyof typeof PortalEventType]

/** Counters behind display numbers (INV-0001, EST-0001). */
export const DocumentKind = {
  INVOICE: "invoice",
  ESTIMATE: "estimate",
} as const
export type DocumentKind = (typeof DocumentKind)[keyof typeof DocumentKind]

/** Events the plugin emits through Medusa's event bus; later features subscribe to them. */
export const PortalEvents = {
  INVOICE_SENT: "portal.invoice.sent",
  INVOICE_VOIDED: "portal.invoice.voided",
  INVOICE_PAYMENT_RECORDED: "portal.invoice.payment_recorded",
  INVOICE_PAYMENT_REFUNDED: "portal.invoice.payment_refunded",
  INVOICE_PAID: "portal.invoice.paid",
  ESTIMATE_SENT: "portal.estimate.sent",
  ESTIMATE_ACCEPTED: "portal.estimate.accepted",
  ESTIMATE_REJECTED: "portal.estimate.rejected",
  ESTIMATE_CONVERTED: "portal.estimate.converted",
  /** A rejected estimate was re-opened as a new draft (data: { id, revision_id, customer_id }). */
  ESTIMATE_REVISED: "portal.estimate.revised",
  /** A customer paid an estimate's deposit online (data: { id, customer_id, payment_id, amount }). */
  ESTIMATE_DEPOSIT_PAID: "portal.estimate.deposit_paid",
  SETTINGS_UPDATED: "portal.settings.updated",
  /** A customer asked for a new link on /portal/login (data: { email }). */
  LOGIN_REQUESTED: "portal.login.requested",
  /** A customer asked for a new link from an expired one (data: { customer_id }). */
  LINK_RENEW_REQUESTED: "portal.link.renew_requested",
  /** One card payment for several invoices was shared out (data: { id: batch id, customer_id, payment_id }). */
  PAYMENT_BATCH_CAPTURED: "portal.payment_batch.captured",
} as const

/** The single settings row has a fixed id, so concurrent first reads cannot create two. */
export const PORTAL_SETTINGS_ID = "psett_default"
