import { z } from "@medusajs/framework/zod"
import { MAX_AMOUNT } from "../../../../lib/money"
import { SUPPORTED_LOCALES } from "../../../../lib/i18n/locale"
import { REMINDER_LIMITS } from "../../../../lib/reminders"
import { textInput } from "../../../../lib/text-input"

const days = (field: string, { min, max }: { min: number; max: number }) =>
  z
    .number({ error: `${field} must be a whole number from ${min} to ${max}` })
    .int({ error: `${field} must be a whole number from ${min} to ${max}` })
    .min(min, { error: `${field} must be a whole number from ${min} to ${max}` })
    .max(max, { error: `${field} must be a whole number from ${min} to ${max}` })

// Format errors would otherwise read "Invalid email address" with no field name.
const email = (field: string) => z.email({ error: `${field} must be an email address` }).max(320)

/** A minimum part payment in major units: above zero, at most 3 decimals (the finest currency). */
export const partialMinimum = (field: string) =>
  z
    .number({ error: `${field} must be an amount in major units, like 10 or 25.50` })
    .positive(`${field} must be more than 0 (or null for no minimum)`)
    .max(MAX_AMOUNT)
    .refine((v) => Number.isInteger(Math.round(v * 1000)) && Math.abs(v * 1000 - Math.round(v * 1000)) < 1e-6, `${field} may have at most 3 decimals`)

/** Every field optional (partial update); unknown fields are refused. */
export const AdminUpdatePortalSettings = z
  .object({
    enabled: z.boolean(),
    allow_payments: z.boolean(),
    allow_estimates: z.boolean(),
    allow_invoices: z.boolean(),
    allow_profile_updates: z.boolean(),
    allow_service_history: z.boolean(),
    link_ttl_days: z.number().int().min(1).max(365),
    business_name: textInput("business_name", { max: 200, trim: true }).nullable(),
    logo_url: z.url({ protocol: /^https?$/, error: "logo_url must be an http(s) URL" }).max(2000).nullable(),
    accent_color: z.string().regex(/^#[0-9a-fA-F]{6}$/, "accent_color must be a colour like #2563eb"),
    support_email: email("support_email").nullable(),
    invoice_prefix: z.string().max(20).regex(/^[\w\-/.#]*$/, "invoice_prefix may use letters, digits and - _ / . #"),
    estimate_prefix: z.string().max(20).regex(/^[\w\-/.#]*$/, "estimate_prefix may use letters, digits and - _ / . #"),
    owner_notification_email: email("owner_notification_email").nullable(),
    approval_requires_name: z.boolean(),
    approval_terms: textInput("approval_terms", { max: 5000, multiline: true, trim: true }).nullable(),
    // Free text printed as typed (line breaks kept) on pages, emails and PDFs.
    payment_instructions: textInput("payment_instructions", { max: 2000, multiline: true, trim: true }).nullable(),
    business_address: textInput("business_address", { max: 500, multiline: true, trim: true }).nullable(),
    tax_id: textInput("tax_id", { max: 50, trim: true }).nullable(),
    // Defaults of invoices that do not set their own: part payments online, and their minimum.
    allow_partial_payments: z.boolean(),
    partial_payment_minimum: partialMinimum("partial_payment_minimum").nullable(),
    default_locale: z.enum(SUPPORTED_LOCALES, { error: `default_locale must be one of ${SUPPORTED_LOCALES.join(", ")}` }),
    // Overdue reminders: the schedule read by lib/reminders.ts.
    reminders_enabled: z.boolean(),
    reminder_days_before: days("reminder_days_before", REMINDER_LIMITS.days_before),
    reminder_on_due_date: z.boolean(),
    reminder_every_days_after: days("reminder_every_days_after", REMINDER_LIMITS.every_days_after),
    reminder_max: days("reminder_max", REMINDER_LIMITS.max),
  })
  .partial()
  .strict()
export type AdminUpdatePortalSettingsType = z.infer<typeof AdminUpdatePortalSettings>

/** "Send due reminders now" takes nothing: the moment is the server's, never the caller's. */
export const AdminRunReminders = z.object({}).strict()
