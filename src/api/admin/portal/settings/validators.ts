import { z } from "@medusajs/framework/zod"
import { MAX_AMOUNT } from "../../../../lib/money"
import { SUPPORTED_LOCALES } from "../../../../lib/i18n/locale"
import { textInput } from "../../../../lib/text-input"

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
  })
  .partial()
  .strict()
export type AdminUpdatePortalSettingsType = z.infer<typeof AdminUpdatePortalSettings>
