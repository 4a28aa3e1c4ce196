import { model } from "@medusajs/framework/utils"

/**
 * The merchant's portal configuration: a single row, created with defaults on first read.
 * The portal is off until the owner turns it on.
 */
const PortalSettings = model.define("portal_settings", {
  id: model.id({ prefix: "psett" }).primaryKey(),
  /** Master switch: when off, every portal page and link refuses access. */
  enabled: model.boolean().default(false),
  /** Customers may pay invoices online (Pay Now). */
  allow_payments: model.boolean().default(true),
  /** Customers may see, approve and reject estimates. */
  allow_estimates: model.boolean().default(true),
  /** Customers may see invoices and download their PDFs. */
  allow_invoices: model.boolean().default(true),
  /** Customers may edit their contact details and address. */
  allow_profile_updates: model.boolean().default(true),
  /** Customers may see their orders, paid invoices and accepted estimates as a timeline. */
  allow_service_history: model.boolean().default(false),
  /** Lifetime of a newly issued portal link. */
  link_ttl_days: model.number().default(30),
  business_name: model.text().nullable(),
  logo_url: model.text().nullable(),
  /** Hex colour used by the portal pages and emails. */
  accent_color: model.text().default("#2563eb"),
  /** Where customers are told to write when something is wrong. */
  support_email: model.text().nullable(),
  invoice_prefix: model.text().default("INV-"),
  estimate_prefix: model.text().default("EST-"),
  /** Receives owner notifications (estimate decided, invoice paid) by email, besides the admin feed. */
  owner_notification_email: model.text().nullable(),
  /**
   * Approving an estimate needs the customer's typed full name. Off by default so that a
   * storefront built before signed approvals keeps working after an upgrade; the portal pages
   * always ask for the name.
   */
  approval_requires_name: model.boolean().default(false),
  /** Terms a customer must accept (a checkbox) to approve an estimate; none when empty. */
  approval_terms: model.text().nullable(),
  /** How to pay other than online (bank transfer details, cheque address…): shown on invoice pages, emails and PDFs. */
  payment_instructions: model.text().nullable(),
  /** The seller's postal address as the owner wants it printed, one line per line. */
  business_address: model.text().nullable(),
  /** Default of invoices that do not say: the customer may pay part of the amount due online. */
  allow_partial_payments: model.boolean().default(false),
  /** Default smallest part payment, in major units of the invoice's currency; null: any amount above zero. */
  partial_payment_minimum: model.bigNumber().nullable(),
  /** The seller's tax / VAT registration number, printed on invoices and estimates. */
  tax_id: model.text().nullable(),
  /** Language of customers who chose none and whose browser asks for none the portal speaks ("en", "es"). */
  default_locale: model.text().default("en"),
  /** Overdue reminders: off until the owner turns them on (see lib/reminders.ts for the schedule). */
  reminders_enabled: model.boolean().default(false),
  /** A reminder this many days before the due date; 0: none before. */
  reminder_days_before: model.number().default(3),
  /** A reminder on the due date. */
  reminder_on_due_date: model.boolean().default(true),
  /** Then a reminder every this many days while the invoice is unpaid; 0: none after. */
  reminder_every_days_after: model.number().default(7),
  /** At most this many reminders after the due date. */
  reminder_max: model.number().default(3),
})

export default PortalSettings
