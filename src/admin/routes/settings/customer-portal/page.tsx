import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Container, Button, InlineTip, Input, Label, Switch, Text, toast } from "@medusajs/ui"
import { FormEvent, useEffect, useMemo, useState } from "react"
import { ErrorState, FieldError, SectionHeader, SectionSkeleton } from "../../../components/common"
import { AccessStatusBadge } from "../../../components/status-badges"
import { useHasStripeProvider, usePortalSettings, useUpdatePortalSettings } from "../../../hooks/api"
import { errorMessage, fieldErrors } from "../../../lib/errors"
import type { AdminPortalSettings } from "../../../lib/types"

type Form = {
  enabled: boolean
  allow_payments: boolean
  allow_estimates: boolean
  allow_invoices: boolean
  allow_profile_updates: boolean
  allow_service_history: boolean
  link_ttl_days: string
  business_name: string
  logo_url: string
  accent_color: string
  support_email: string
  invoice_prefix: string
  estimate_prefix: string
  owner_notification_email: string
}
type Key = keyof Form

const FIELDS = [
  "enabled",
  "allow_payments",
  "allow_estimates",
  "allow_invoices",
  "allow_profile_updates",
  "allow_service_history",
  "link_ttl_days",
  "business_name",
  "logo_url",
  "accent_color",
  "support_email",
  "invoice_prefix",
  "estimate_prefix",
  "owner_notification_email",
] as const satisfies readonly Key[]

/** Text settings that mean "not set" when empty: sent as null. */
const NULLABLE = new Set<Key>(["business_name", "logo_url", "support_email", "owner_notification_email"])

const PERMISSIONS: { key: Key; label: string; description: string }[] = [
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
  }
}

/** Only what changed, in the API's types: the server validates and names any field it refuses. */
function changes(saved: Form, form: Form): Partial<AdminPortalSettings> {
  const body: Record<string, unknown> = {}
  for (const key of FIELDS) {
    if (form[key] === saved[key]) continue
    const value = form[key]
    if (key === "link_ttl_days") {
      body[key] = String(value).trim() === "" ? null : Number(value)
    } else if (typeof value === "string") {
      body[key] = NULLABLE.has(key) && value.trim() === "" ? null : value.trim()
    } else {
      body[key] = value
    }
  }
  return body as Partial<AdminPortalSettings>
}

const CustomerPortalSettingsPage = () => {
  const settings = usePortalSettings()
  const update = useUpdatePortalSettings()
  const hasStripe = useHasStripeProvider()
  const [form, setForm] = useState<Form | null>(null)
  const [errors, setErrors] = useState<Partial<Record<Key | "", string>>>({})

  const saved = useMemo(() => (settings.data ? toForm(settings.data) : null), [settings.data])
  useEffect(() => {
    if (saved && !form) setForm(saved)
  }, [saved, form])

  if (settings.isLoading || (!form && !settings.isError)) {
    return (
      <div className="flex flex-col gap-y-3">
        <SectionSkeleton rows={2} />
        <SectionSkeleton rows={5} />
      </div>
    )
  }
  if (settings.isError || !form || !saved) {
    return (
      <Container className="p-0">
        <ErrorState error={settings.error} onRetry={() => settings.refetch()} title="Could not load the portal settings" />
      </Container>
    )
  }

  const body = changes(saved, form)
  const dirty = Object.keys(body).length > 0
  const set = <K extends Key>(key: K, value: Form[K]) => {
    setForm((f) => (f ? { ...f, [key]: value } : f))
    setErrors((e) => (e[key] ? { ...e, [key]: undefined } : e))
  }

  const submit = async (event?: FormEvent) => {
    event?.preventDefault()
    if (!dirty) return
    try {
      const { portal_settings } = await update.mutateAsync(body)
      setForm(toForm(portal_settings))
      setErrors({})
      toast.success("Portal settings saved", {
        description: portal_settings.enabled ? "The customer portal is on." : "The customer portal is off.",
      })
    } catch (error) {
      const byField = fieldErrors(error, FIELDS)
      setErrors(Object.keys(byField).length ? byField : { "": errorMessage(error) })
      toast.error("Could not save the portal settings", { description: errorMessage(error) })
    }
  }

  const saveButton = (
    <Button size="small" type="submit" form="portal-settings-form" disabled={!dirty} isLoading={update.isPending}>
      Save
    </Button>
  )

  const text = (key: Key, label: string, props: { type?: string; placeholder?: string; hint?: string; inputMode?: "numeric" } = {}) => (
    <div className="flex flex-col gap-y-2">
      <Label htmlFor={`portal-${key}`} weight="plus">
        {label}
      </Label>
      <Input
        id={`portal-${key}`}
        name={key}
        type={props.type ?? "text"}
        inputMode={props.inputMode}
        placeholder={props.placeholder}
        value={String(form[key])}
        onChange={(e) => set(key, e.target.value as never)}
        aria-invalid={!!errors[key] || undefined}
        aria-describedby={errors[key] ? `portal-${key}-error` : undefined}
      />
      {props.hint && !errors[key] ? (
        <Text size="small" className="text-ui-fg-subtle">
          {props.hint}
        </Text>
      ) : null}
      <FieldError id={`portal-${key}-error`} message={errors[key]} />
    </div>
  )

  const switchRow = (key: Key, label: string, description: string) => (
    <div key={key} className="flex items-start justify-between gap-x-4 px-6 py-4">
      <div className="flex flex-col gap-y-1">
        <Label htmlFor={`portal-${key}`} weight="plus">
          {label}
        </Label>
        <Text size="small" className="text-ui-fg-subtle text-pretty">
          {description}
        </Text>
        <FieldError id={`portal-${key}-error`} message={errors[key]} />
      </div>
      <Switch id={`portal-${key}`} checked={form[key] as boolean} onCheckedChange={(checked) => set(key, checked as never)} />
    </div>
  )

  return (
    <form id="portal-settings-form" onSubmit={submit} className="flex flex-col gap-y-3" noValidate>
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
        {errors[""] ? (
          <div className="px-6 py-4">
            <FieldError message={errors[""]} />
          </div>
        ) : null}
        {switchRow(
          "enabled",
          "Enable Customer Portal",
          form.enabled
            ? "Customers can open the links you send them."
            : "Off: every portal link and page is refused until you turn it on."
        )}
      </Container>

      <Container className="divide-y p-0">
        <SectionHeader title="Permissions" description="What customers can do in their portal." />
        {PERMISSIONS.map((p) => switchRow(p.key, p.label, p.description))}
        {form.allow_payments && hasStripe.data === false ? (
          <div className="px-6 py-4">
            <InlineTip label="Pay Now needs Stripe" variant="warning">
              No Stripe payment provider is registered in this Medusa app, so customers will not see Pay Now. Add
              @medusajs/payment-stripe to the Payment Module's providers in medusa-config.ts.
            </InlineTip>
          </div>
        ) : null}
      </Container>

      <Container className="divide-y p-0">
        <SectionHeader title="Portal links" />
        <div className="grid grid-cols-1 gap-4 px-6 py-4 md:grid-cols-2">
          {text("link_ttl_days", "Link lifetime (days)", {
            type: "number",
            inputMode: "numeric",
            hint: "How long a newly sent link works: 1 to 365 days.",
          })}
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
              style={{ background: /^#[0-9a-f]{6}$/i.test(form.accent_color) ? form.accent_color : "transparent" }}
            />
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
          <Button size="small" variant="secondary" type="button" onClick={() => (setForm(saved), setErrors({}))}>
            Discard changes
          </Button>
        ) : null}
        {saveButton}
      </div>
    </form>
  )
}

export const config = defineRouteConfig({
  label: "Customer Portal",
})

export const handle = {
  breadcrumb: () => "Customer Portal",
}

export default CustomerPortalSettingsPage
