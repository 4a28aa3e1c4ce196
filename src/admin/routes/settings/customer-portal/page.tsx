import { zodResolver } from "@hookform/resolvers/zod"
import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Container, Button, InlineTip, Input, Label, Select, Switch, Text, Textarea, toast } from "@medusajs/ui"
import { useEffect } from "react"
import { Controller, useForm, useWatch, type Control } from "react-hook-form"
import { z } from "zod"
import type { AdminPortalSettings, AdminUpdatePortalSettingsInput } from "../../../../types/http"
import { ErrorState, FieldError, SectionHeader, SectionSkeleton } from "../../../components/common"
import { FormField } from "../../../components/form-field"
import { AccessStatusBadge } from "../../../components/status-badges"
import { useHasStripeProvider, usePortalSettings, useUpdatePortalSettings } from "../../../hooks/api"
import { errorMessage } from "../../../lib/errors"
import { LOCALE_NAMES, SUPPORTED_LOCALES } from "../../../../lib/i18n/locale"

const optionalEmail = z.union([z.literal(""), z.email("Enter an email address, like help@example.com.")])
const prefix = z
  .string()
  .max(20, "Use 20 characters at most.")
  .regex(/^[\w\-/.#]*$/, "Use letters, digits and - _ / . # only.")

const wholeDays = (min: number, max: number) =>
  z.string().refine((v) => /^\d+$/.test(v.trim()) && Number(v) >= min && Number(v) <= max, `Enter a whole number from ${min} to ${max}.`)

/** Settings typed as text but sent as numbers. */
const NUMERIC = new Set<string>(["link_ttl_days", "reminder_days_before", "reminder_every_days_after", "reminder_max"])

/** The form as typed (text inputs hold strings); the server checks every rule again. */
const settingsSchema = z.object({
  enabled: z.boolean(),
  allow_payments: z.boolean(),
  allow_estimates: z.boolean(),
  allow_invoices: z.boolean(),
  allow_profile_updates: z.boolean(),
  allow_service_history: z.boolean(),
  link_ttl_days: z
    .string()
    .refine((v) => /^\d+$/.test(v.trim()) && Number(v) >= 1 && Number(v) <= 365, "Enter a whole number of days from 1 to 365."),
  business_name: z.string().max(200, "Use 200 characters at most."),
  logo_url: z.union([
    z.literal(""),
    z.url({ protocol: /^https?$/, error: "Enter an http(s) address, like https://example.com/logo.png." }),
  ]),
  accent_color: z.string().regex(/^#[0-9a-fA-F]{6}$/, "Enter a colour like #2563eb."),
  support_email: optionalEmail,
  invoice_prefix: prefix,
  estimate_prefix: prefix,
  owner_notification_email: optionalEmail,
  approval_requires_name: z.boolean(),
  approval_terms: z.string().max(5000, "Use 5000 characters at most."),
  business_address: z.string().max(500, "Use 500 characters at most."),
  tax_id: z.string().max(50, "Use 50 characters at most."),
  payment_instructions: z.string().max(2000, "Use 2000 characters at most."),
  allow_partial_payments: z.boolean(),
  partial_payment_minimum: z
    .string()
    .refine((v) => v.trim() === "" || (Number(v) > 0 && Number.isFinite(Number(v))), "Enter an amount above 0, or leave it empty for none."),
  default_locale: z.enum(SUPPORTED_LOCALES),
  reminders_enabled: z.boolean(),
  reminder_on_due_date: z.boolean(),
  reminder_days_before: wholeDays(0, 60),
  reminder_every_days_after: wholeDays(0, 90),
  reminder_max: wholeDays(0, 24),
})
type Form = z.infer<typeof settingsSchema>
type Key = keyof Form
type TextKey = { [K in Key]: Form[K] extends string ? K : never }[Key]
type SwitchKey = Exclude<Key, TextKey>

/** Text settings that mean "not set" when empty: sent as null. */
const NULLABLE = new Set<Key>([
  "business_name",
  "logo_url",
  "support_email",
  "owner_notification_email",
  "approval_terms",
  "business_address",
  "tax_id",
  "payment_instructions",
  "partial_payment_minimum",
])

const PERMISSIONS: { key: SwitchKey; label: string; description: string }[] = [
  {
    key: "allow_payments",
    label: "Allow Payments",
    description: "Customers can pay unpaid invoices online with Pay Now.",
  },
  {
    key: "allow_estimates",
    label: "Allow Estimates",
    description: "Customers can see estimates and accept or reject them.",
  },
  {
    key: "allow_invoices",
    label: "Allow Invoices",
    description: "Customers can see their invoices and download them as PDF.",
  },
  {
    key: "allow_profile_updates",
    label: "Allow Profile Updates",
    description: "Customers can update their contact details and address.",
  },
  {
    key: "allow_service_history",
    label: "Allow Service History",
    description: "Customers can see their past orders, paid invoices and accepted estimates.",
  },
]

function toForm(s: AdminPortalSettings): Form {
  return {
    enabled: s.enabled,
    allow_payments: s.allow_payments,
    allow_estimates: s.allow_estimates,
    allow_invoices: s.allow_invoices,
    allow_profile_updates: s.allow_profile_updates,
    allow_service_history: s.allow_service_history,
    link_ttl_days: String(s.link_ttl_days),
    business_name: s.business_name ?? "",
    logo_url: s.logo_url ?? "",
    accent_color: s.accent_color ?? "",
    support_email: s.support_email ?? "",
    invoice_prefix: s.invoice_prefix ?? "",
    estimate_prefix: s.estimate_prefix ?? "",
    owner_notification_email: s.owner_notification_email ?? "",
    approval_requires_name: s.approval_requires_name ?? false,
    approval_terms: s.approval_terms ?? "",
    business_address: s.business_address ?? "",
    tax_id: s.tax_id ?? "",
    payment_instructions: s.payment_instructions ?? "",
    allow_partial_payments: s.allow_partial_payments ?? false,
    partial_payment_minimum: s.partial_payment_minimum == null ? "" : String(s.partial_payment_minimum),
    default_locale: (SUPPORTED_LOCALES as readonly string[]).includes(s.default_locale) ? (s.default_locale as Form["default_locale"]) : "en",
    reminders_enabled: s.reminders_enabled ?? false,
    reminder_on_due_date: s.reminder_on_due_date ?? true,
    reminder_days_before: String(s.reminder_days_before ?? 3),
    reminder_every_days_after: String(s.reminder_every_days_after ?? 7),
    reminder_max: String(s.reminder_max ?? 3),
  }
}

/** Only what changed, in the API's types. */
function changes(saved: Form, form: Form): AdminUpdatePortalSettingsInput {
  const body: Record<string, unknown> = {}
  for (const key of Object.keys(settingsSchema.shape) as Key[]) {
    if (form[key] === saved[key]) continue
    const value = form[key]
    if (NUMERIC.has(key)) {
      body[key] = Number(value)
    } else if (key === "partial_payment_minimum") {
      body[key] = String(value).trim() === "" ? null : Number(value)
    } else if (typeof value === "string") {
      body[key] = NULLABLE.has(key) && value.trim() === "" ? null : value.trim()
    } else {
      body[key] = value
    }
  }
  return body as AdminUpdatePortalSettingsInput
}

const CustomerPortalSettingsPage = () => {
  const settings = usePortalSettings()

  if (settings.isLoading) {
    return (
      <div className="flex flex-col gap-y-3">
        <SectionSkeleton rows={2} />
        <SectionSkeleton rows={5} />
      </div>
    )
  }
  if (settings.isError || !settings.data) {
    return (
      <Container className="p-0">
        <ErrorState error={settings.error} onRetry={() => settings.refetch()} title="Could not load the portal settings" />
      </Container>
    )
  }
  return <SettingsForm settings={settings.data} />
}

/** The form, once the saved settings are known: they are its default (and Discard) values. */
const SettingsForm = ({ settings }: { settings: AdminPortalSettings }) => {
  const update = useUpdatePortalSettings()
  const hasStripe = useHasStripeProvider()
  const form = useForm<Form>({ resolver: zodResolver(settingsSchema), defaultValues: toForm(settings) })
  const { control } = form
  const values = useWatch({ control }) as Form
  const saved = form.formState.defaultValues as Form
  const dirty = Object.keys(changes(saved, values)).length > 0

  // Settings saved elsewhere (another tab, a refetch) become the new baseline when nothing is being edited.
  useEffect(() => {
    if (!dirty) form.reset(toForm(settings))
  }, [settings])

  const submit = form.handleSubmit(async (values) => {
    const body = changes(saved, values)
    if (!Object.keys(body).length) return
    try {
      const { portal_settings } = await update.mutateAsync(body)
      form.reset(toForm(portal_settings))
      toast.success("Portal settings saved", {
        description: portal_settings.enabled ? "The customer portal is on." : "The customer portal is off.",
      })
    } catch (error) {
      form.setError("root.server", { message: errorMessage(error) })
      toast.error("Could not save the portal settings", { description: errorMessage(error) })
    }
  })
  const serverError = form.formState.errors.root?.server?.message

  const saveButton = (
    <Button size="small" type="submit" form="portal-settings-form" disabled={!dirty} isLoading={update.isPending}>
      Save
    </Button>
  )

  const text = (key: TextKey, label: string, props: { type?: string; placeholder?: string; hint?: string; inputMode?: "numeric" } = {}) => (
    <FormField
      control={control}
      name={key}
      id={`portal-${key}`}
      label={label}
      hint={props.hint}
      render={({ field, control: aria }) => (
        <Input {...field} {...aria} type={props.type ?? "text"} inputMode={props.inputMode} placeholder={props.placeholder} />
      )}
    />
  )

  const textarea = (key: TextKey, label: string, props: { placeholder?: string; hint?: string; rows?: number } = {}) => (
    <FormField
      control={control}
      name={key}
      id={`portal-${key}`}
      label={label}
      hint={props.hint}
      render={({ field, control: aria }) => <Textarea {...field} {...aria} rows={props.rows ?? 3} placeholder={props.placeholder} />}
    />
  )

  return (
    <form id="portal-settings-form" onSubmit={submit} className="flex flex-col gap-y-3" noValidate data-portal-extension="">
      <Container className="divide-y p-0">
        <SectionHeader
          level="h1"
          title={
            <span className="flex items-center gap-x-2">
              Customer Portal
              <AccessStatusBadge status={saved.enabled ? "enabled" : "disabled"} />
            </span>
          }
          description="A secure, password-free portal where your customers view and pay invoices, approve estimates and update their details."
          actions={saveButton}
        />
        {serverError ? (
          <div className="px-6 py-4" data-testid="form-error">
            <FieldError message={serverError} />
          </div>
        ) : null}
        <SwitchRow
          control={control}
          name="enabled"
          label="Enable Customer Portal"
          description={
            values.enabled
              ? "Customers can open the links you send them."
              : "Off: every portal link and page is refused until you turn it on."
          }
        />
      </Container>

      <Container className="divide-y p-0">
        <SectionHeader title="Permissions" description="What customers can do in their portal." />
        {PERMISSIONS.map((p) => (
          <SwitchRow key={p.key} control={control} name={p.key} label={p.label} description={p.description} />
        ))}
        {values.allow_payments && hasStripe.data === false ? (
          <div className="px-6 py-4">
            <InlineTip label="Pay Now needs Stripe" variant="warning">
              No Stripe payment provider is registered in this Medusa app, so customers will not see Pay Now. Add
              @medusajs/payment-stripe to the Payment Module's providers in medusa-config.ts.
            </InlineTip>
          </div>
        ) : null}
      </Container>

      <Container className="divide-y p-0">
        <SectionHeader
          title="Part payments"
          description="The default for invoices that do not set their own (each invoice page can change it)."
        />
        <SwitchRow
          control={control}
          name="allow_partial_payments"
          label="Allow partial payments"
          description="Customers can pay part of what is due online; the rest stays due."
        />
        <div className="grid grid-cols-1 gap-4 px-6 py-4 md:grid-cols-2">
          {text("partial_payment_minimum", "Minimum part payment", {
            type: "number",
            inputMode: "numeric",
            hint: "In the invoice's currency. Empty: any amount above zero. The whole amount due is always accepted.",
          })}
        </div>
      </Container>

      <Container className="divide-y p-0">
        <SectionHeader title="Portal links" />
        <div className="grid grid-cols-1 gap-4 px-6 py-4 md:grid-cols-2">
          {text("link_ttl_days", "Link lifetime (days)", {
            type: "number",
            inputMode: "numeric",
            hint: "How long a newly sent link works: 1 to 365 days.",
          })}
          <FormField
            control={control}
            name="default_locale"
            id="portal-default_locale"
            label="Default language"
            hint="For customers without a language of their own whose browser asks for none the portal speaks."
            render={({ field, control: aria }) => (
              <Select value={field.value} onValueChange={field.onChange}>
                <Select.Trigger id={aria.id} aria-describedby={aria["aria-describedby"]} aria-invalid={aria["aria-invalid"]}>
                  <Select.Value />
                </Select.Trigger>
                <Select.Content>
                  {SUPPORTED_LOCALES.map((locale) => (
                    <Select.Item key={locale} value={locale}>
                      {LOCALE_NAMES[locale]}
                    </Select.Item>
                  ))}
                </Select.Content>
              </Select>
            )}
          />
        </div>
      </Container>

      <Container className="divide-y p-0">
        <SectionHeader title="Branding" description="Shown on the portal pages and in the emails customers receive." />
        <div className="grid grid-cols-1 gap-4 px-6 py-4 md:grid-cols-2">
          {text("business_name", "Business name", { placeholder: "Acme Home Services" })}
          {text("support_email", "Support email", { type: "email", placeholder: "help@example.com" })}
          {text("logo_url", "Logo URL", { type: "url", placeholder: "https://…/logo.png" })}
          <div className="flex items-start gap-x-2">
            <div className="flex-1">{text("accent_color", "Accent colour", { placeholder: "#2563eb" })}</div>
            <div
              aria-hidden
              className="shadow-borders-base mt-8 size-8 shrink-0 rounded-md"
              style={{ background: /^#[0-9a-f]{6}$/i.test(values.accent_color) ? values.accent_color : "transparent" }}
            />
          </div>
        </div>
      </Container>

      <Container className="divide-y p-0">
        <SectionHeader
          title="Invoice details"
          description="Printed on invoices and estimates (pages, emails and PDFs)."
        />
        <div className="grid grid-cols-1 gap-4 px-6 py-4 md:grid-cols-2">
          {textarea("business_address", "Business address", {
            placeholder: "12 Market Street\nSpringfield, IL 62701",
            hint: "Printed as typed, one line per line.",
          })}
          {text("tax_id", "Tax ID", { placeholder: "e.g. VAT GB123456789" })}
          <div className="md:col-span-2">
            {textarea("payment_instructions", "Payment instructions", {
              rows: 4,
              placeholder: "Bank transfer to Acme Ltd, IBAN GB00 0000 0000 0000 0000 00, reference: your invoice number",
              hint: "How to pay other than online (bank transfer, cheque…). Shown on invoices, in invoice emails and on the PDF, with or without Pay Now.",
            })}
          </div>
        </div>
      </Container>

      <Container className="divide-y p-0">
        <SectionHeader title="Numbering" description="Numbers are given when a document is first sent: INV-0001, EST-0001." />
        <div className="grid grid-cols-1 gap-4 px-6 py-4 md:grid-cols-2">
          {text("invoice_prefix", "Invoice prefix", { placeholder: "INV-" })}
          {text("estimate_prefix", "Estimate prefix", { placeholder: "EST-" })}
        </div>
      </Container>

      <Container className="divide-y p-0">
        <SectionHeader
          title="Estimate approvals"
          description="Customers confirm an approval on a second step; each decision is recorded with a fingerprint of the estimate they saw."
        />
        <SwitchRow
          control={control}
          name="approval_requires_name"
          label="Require the customer's full name"
          description="Approving needs a typed full name (the portal pages always ask for it; storefronts must send it)."
        />
        <div className="px-6 py-4">
          <FormField
            control={control}
            name="approval_terms"
            id="portal-approval_terms"
            label="Terms to accept"
            hint="Optional. When set, the customer must tick a box accepting this text to approve an estimate."
            render={({ field, control: aria }) => <Textarea {...field} {...aria} rows={3} placeholder="Work starts within 10 days of approval…" />}
          />
        </div>
      </Container>

      <Container className="divide-y p-0">
        <SectionHeader
          title="Payment reminders"
          description="Emails customers about unpaid invoices, each with a link straight to paying it. Each reminder is sent once; customers can turn them off in their profile."
        />
        <SwitchRow
          control={control}
          name="reminders_enabled"
          label="Send payment reminders"
          description="Checked every hour for sent, unpaid invoices with a due date."
        />
        <SwitchRow
          control={control}
          name="reminder_on_due_date"
          label="On the due date"
          description="A reminder on the day the invoice is due."
        />
        <div className="grid grid-cols-1 gap-4 px-6 py-4 md:grid-cols-3">
          {text("reminder_days_before", "Days before the due date", {
            type: "number",
            inputMode: "numeric",
            hint: "0 for no reminder before it is due.",
          })}
          {text("reminder_every_days_after", "Then every (days) while overdue", {
            type: "number",
            inputMode: "numeric",
            hint: "0 for no reminders once overdue.",
          })}
          {text("reminder_max", "At most (reminders once overdue)", { type: "number", inputMode: "numeric", hint: "0 to 24." })}
        </div>
      </Container>

      <Container className="divide-y p-0">
        <SectionHeader title="Notifications" />
        <div className="grid grid-cols-1 gap-4 px-6 py-4 md:grid-cols-2">
          {text("owner_notification_email", "Owner notification email", {
            type: "email",
            placeholder: "you@example.com",
            hint: "Gets an email when an estimate is accepted or rejected and when an invoice is paid.",
          })}
        </div>
      </Container>

      <div className="flex items-center justify-end gap-x-2">
        {dirty ? (
          <Button size="small" variant="secondary" type="button" onClick={() => form.reset()}>
            Discard changes
          </Button>
        ) : null}
        {saveButton}
      </div>
    </form>
  )
}

const SwitchRow = ({
  control,
  name,
  label,
  description,
}: {
  control: Control<Form>
  name: SwitchKey
  label: string
  description: string
}) => (
  <Controller
    control={control}
    name={name}
    render={({ field, fieldState }) => (
      <div className="flex items-start justify-between gap-x-4 px-6 py-4">
        <div className="flex flex-col gap-y-1">
          <Label htmlFor={`portal-${name}`} weight="plus">
            {label}
          </Label>
          <Text size="small" className="text-ui-fg-subtle text-pretty">
            {description}
          </Text>
          <FieldError id={`portal-${name}-error`} message={fieldState.error?.message} />
        </div>
        <Switch id={`portal-${name}`} checked={field.value} onCheckedChange={field.onChange} onBlur={field.onBlur} />
      </div>
    )}
  />
)

export const config = defineRouteConfig({
  label: "Customer Portal",
})

export const handle = {
  breadcrumb: () => "Customer Portal",
}

export default CustomerPortalSettingsPage
