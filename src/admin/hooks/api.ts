import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { STRIPE_PROVIDER_ID } from "../../lib/stripe-provider-id"
import { sdk } from "../lib/sdk"
import type {
  AdminCustomerSummary,
  AdminDeleteResponse,
  AdminDocument,
  AdminDocumentInput,
  AdminDocumentKind,
  AdminEstimateListResponse,
  AdminEstimateDecisionsResponse,
  AdminEstimateResponse,
  AdminInvoiceListResponse,
  AdminInvoiceResponse,
  AdminPortalAccessResponse,
  AdminPortalActivityResponse,
  AdminPortalLinkResponse,
  AdminPortalSettingsResponse,
  AdminRecordPaymentInput,
  AdminSendPortalAccessResponse,
  AdminSendStatementResponse,
  AdminUpdatePortalSettingsInput,
} from "../../types/http"
import { portalQueryKeys } from "../lib/query-keys"
import type { PortalLocale } from "../../lib/i18n/locale"

/**
 * Data hooks for the plugin's admin routes, on the dashboard's own react-query client, with keys
 * from `portalQueryKeys`. A change invalidates every key of the extension: one sent invoice
 * changes the invoice, the lists, the customer's access and activity.
 */
const CUSTOMER_FIELDS = "+customer.id,+customer.email,+customer.first_name,+customer.last_name,+customer.company_name"

function useInvalidatePortal() {
  const queryClient = useQueryClient()
  return () => queryClient.invalidateQueries({ queryKey: portalQueryKeys.all })
}

// ── Settings ──────────────────────────────────────────────────────────────────

export function usePortalSettings() {
  return useQuery({
    queryKey: portalQueryKeys.settings(),
    queryFn: () => sdk.client.fetch<AdminPortalSettingsResponse>("/admin/portal/settings"),
    select: (data) => data.portal_settings,
  })
}

export function useUpdatePortalSettings() {
  const invalidate = useInvalidatePortal()
  return useMutation({
    mutationFn: (body: AdminUpdatePortalSettingsInput) =>
      sdk.client.fetch<AdminPortalSettingsResponse>("/admin/portal/settings", { method: "POST", body }),
    onSuccess: invalidate,
  })
}

/** Whether Medusa has a Stripe payment provider registered (Pay Now needs one). */
export function useHasStripeProvider() {
  return useQuery({
    queryKey: portalQueryKeys.paymentProviders(),
    queryFn: () =>
      sdk.client.fetch<{ payment_providers: { id: string; is_enabled?: boolean }[] }>("/admin/payments/payment-providers", {
        query: { limit: 100 },
      }),
    // The exact provider the server's Pay Now uses, not any Stripe provider.
    select: (data) => data.payment_providers.some((p) => p.id === STRIPE_PROVIDER_ID && p.is_enabled !== false),
  })
}

// ── Invoices and estimates ────────────────────────────────────────────────────

const path = (kind: AdminDocumentKind) => (kind === "invoice" ? "/admin/invoices" : "/admin/estimates")

export type DocumentListQuery = {
  limit: number
  offset: number
  q?: string
  status?: string
  customer_id?: string
  order?: string
}

/** Either list, for screens shared by both kinds (the list pages, the customer widget). */
export function useDocuments(kind: AdminDocumentKind, query: DocumentListQuery, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: portalQueryKeys.documents(kind).list(query),
    queryFn: async () => {
      const response = await sdk.client.fetch<AdminInvoiceListResponse & AdminEstimateListResponse>(path(kind), {
        query: { order: "-created_at", ...query, fields: CUSTOMER_FIELDS },
      })
      const rows: AdminDocument[] = kind === "invoice" ? response.invoices : response.estimates
      return { rows, count: response.count, offset: response.offset, limit: response.limit }
    },
    placeholderData: keepPreviousData,
    ...options,
  })
}

export function useInvoice(id: string) {
  return useQuery({
    queryKey: portalQueryKeys.invoices.detail(id),
    queryFn: () => sdk.client.fetch<AdminInvoiceResponse>(`/admin/invoices/${id}`, { query: { fields: CUSTOMER_FIELDS } }),
    select: (data) => data.invoice,
  })
}

export function useEstimate(id: string) {
  return useQuery({
    queryKey: portalQueryKeys.estimates.detail(id),
    queryFn: () => sdk.client.fetch<AdminEstimateResponse>(`/admin/estimates/${id}`, { query: { fields: CUSTOMER_FIELDS } }),
    select: (data) => data.estimate,
  })
}

/** The customer's signed approvals / rejections of an estimate, oldest first. */
export function useEstimateDecisions(id: string) {
  return useQuery({
    queryKey: portalQueryKeys.estimates.decisions(id),
    queryFn: () => sdk.client.fetch<AdminEstimateDecisionsResponse>(`/admin/estimates/${id}/decisions`),
    select: (data) => data.decisions,
  })
}

type DocumentResponse = Partial<AdminInvoiceResponse & AdminEstimateResponse>

/** Creates a draft, or replaces a draft's fields and lines when `id` is given. */
export function useSaveDocument(kind: AdminDocumentKind) {
  const invalidate = useInvalidatePortal()
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: Partial<AdminDocumentInput> }) =>
      sdk.client.fetch<DocumentResponse>(id ? `${path(kind)}/${id}` : path(kind), { method: "POST", body }),
    onSuccess: invalidate,
  })
}

export function useDeleteDocument(kind: AdminDocumentKind) {
  const invalidate = useInvalidatePortal()
  return useMutation({
    mutationFn: (id: string) => sdk.client.fetch<AdminDeleteResponse<AdminDocumentKind>>(`${path(kind)}/${id}`, { method: "DELETE" }),
    onSuccess: invalidate,
  })
}

/** send (both), void (invoices), convert (estimates; answers `{ invoice, estimate }`). */
export function useDocumentAction(kind: AdminDocumentKind, action: "send" | "void" | "convert" | "revise") {
  const invalidate = useInvalidatePortal()
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body?: Record<string, unknown> }) =>
      sdk.client.fetch<DocumentResponse>(`${path(kind)}/${id}/${action}`, { method: "POST", body: body ?? {} }),
    onSuccess: invalidate,
  })
}

export function useRecordPayment() {
  const invalidate = useInvalidatePortal()
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: AdminRecordPaymentInput }) =>
      sdk.client.fetch<AdminInvoiceResponse>(`/admin/invoices/${id}/payments`, { method: "POST", body }),
    onSuccess: invalidate,
  })
}

/** The owner refunds all or part of an online payment (Stripe gives the money back). */
export function useRefundPayment() {
  const invalidate = useInvalidatePortal()
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: { payment_id: string; amount: number; note?: string | null } }) =>
      sdk.client.fetch<AdminInvoiceResponse>(`/admin/invoices/${id}/refunds`, { method: "POST", body }),
    onSuccess: invalidate,
  })
}

/** Part payments of one invoice; null follows the settings' default. */
export function useInvoicePaymentOptions() {
  const invalidate = useInvalidatePortal()
  return useMutation({
    mutationFn: ({
      id,
      body,
    }: {
      id: string
      body: { allow_partial_payments?: boolean | null; partial_payment_minimum?: number | null }
    }) => sdk.client.fetch<AdminInvoiceResponse>(`/admin/invoices/${id}/payment-options`, { method: "POST", body }),
    onSuccess: invalidate,
  })
}

// ── Customers ─────────────────────────────────────────────────────────────────

export function useCustomerSearch(q: string) {
  return useQuery({
    queryKey: portalQueryKeys.customers.search(q),
    queryFn: () =>
      sdk.client.fetch<{ customers: AdminCustomerSummary[]; count: number }>("/admin/customers", {
        query: { q: q || undefined, limit: 8, fields: "id,email,first_name,last_name,company_name" },
      }),
    placeholderData: keepPreviousData,
  })
}

export function useCustomer(id: string | undefined) {
  return useQuery({
    queryKey: portalQueryKeys.customers.detail(id),
    queryFn: () =>
      sdk.client.fetch<{ customer: AdminCustomerSummary }>(`/admin/customers/${id}`, {
        query: { fields: "id,email,first_name,last_name,company_name" },
      }),
    select: (data) => data.customer,
    enabled: !!id,
  })
}

/** The store's currencies, default first, for the document form's currency picker. */
export function useStoreCurrencies() {
  return useQuery({
    queryKey: portalQueryKeys.storeCurrencies(),
    queryFn: () =>
      sdk.client.fetch<{ stores: { supported_currencies?: { currency_code: string; is_default?: boolean }[] }[] }>(
        "/admin/stores",
        { query: { fields: "id,*supported_currencies" } }
      ),
    select: (data) => {
      const currencies = data.stores[0]?.supported_currencies ?? []
      return [...currencies]
        .sort((a, b) => Number(!!b.is_default) - Number(!!a.is_default))
        .map((c) => c.currency_code.toLowerCase())
    },
    staleTime: 5 * 60_000,
  })
}

// ── Portal access ─────────────────────────────────────────────────────────────

const accessPath = (customerId: string) => `/admin/customers/${customerId}/portal-access`

export function usePortalAccess(customerId: string) {
  return useQuery({
    queryKey: portalQueryKeys.access(customerId),
    queryFn: () => sdk.client.fetch<AdminPortalAccessResponse>(accessPath(customerId)),
    select: (data) => data.portal_access,
  })
}

export function useSendPortalAccess(customerId: string) {
  const invalidate = useInvalidatePortal()
  return useMutation({
    mutationFn: () =>
      sdk.client.fetch<AdminSendPortalAccessResponse>(`${accessPath(customerId)}/send`, { method: "POST", body: {} }),
    onSuccess: invalidate,
  })
}

/** "Email statement": the customer's statement of account for a period, emailed as a PDF. */
export function useSendStatement(customerId: string) {
  const invalidate = useInvalidatePortal()
  return useMutation({
    mutationFn: (period: { from: string; to: string }) =>
      sdk.client.fetch<AdminSendStatementResponse>(`/admin/customers/${customerId}/portal-statement/send`, { method: "POST", body: period }),
    // The activity feed gains the "statement sent" entry.
    onSuccess: invalidate,
  })
}

/** A new link returned to the owner, not emailed ("Copy portal link", "View portal as customer"). */
export function useCreatePortalLink(customerId: string) {
  const invalidate = useInvalidatePortal()
  return useMutation({
    mutationFn: () =>
      sdk.client.fetch<AdminPortalLinkResponse>(`${accessPath(customerId)}/link`, { method: "POST", body: {} }),
    onSuccess: invalidate,
  })
}

export function useSetPortalAccess(customerId: string) {
  const invalidate = useInvalidatePortal()
  return useMutation({
    mutationFn: (enabled: boolean) =>
      sdk.client.fetch<AdminPortalAccessResponse>(`${accessPath(customerId)}/${enabled ? "enable" : "disable"}`, {
        method: "POST",
        body: {},
      }),
    onSuccess: invalidate,
  })
}

/** The customer's language (null: their browser's, then the shop default). */
export function useSetPortalLocale(customerId: string) {
  const invalidate = useInvalidatePortal()
  return useMutation({
    mutationFn: (locale: PortalLocale | null) =>
      sdk.client.fetch<AdminPortalAccessResponse>(`${accessPath(customerId)}/locale`, { method: "POST", body: { locale } }),
    onSuccess: invalidate,
  })
}

/** The owner turns overdue payment reminders off (true) or on for this customer. */
export function useSetRemindersOptOut(customerId: string) {
  const invalidate = useInvalidatePortal()
  return useMutation({
    mutationFn: (optOut: boolean) =>
      sdk.client.fetch<AdminPortalAccessResponse>(`${accessPath(customerId)}/reminders`, {
        method: "POST",
        body: { opt_out: optOut },
      }),
    onSuccess: invalidate,
  })
}

export function useRevokePortalLink(customerId: string) {
  const invalidate = useInvalidatePortal()
  return useMutation({
    mutationFn: (linkId: string) =>
      sdk.client.fetch<AdminDeleteResponse<"portal_link">>(`${accessPath(customerId)}/links/${linkId}`, { method: "DELETE" }),
    onSuccess: invalidate,
  })
}

export function usePortalActivity(customerId: string | undefined, query: { limit: number; offset?: number }) {
  return useQuery({
    queryKey: portalQueryKeys.activity(customerId ?? "", query),
    queryFn: () =>
      sdk.client.fetch<AdminPortalActivityResponse>(`/admin/customers/${customerId}/portal-activity`, { query }),
    enabled: !!customerId,
    // Paging keeps the current page on screen until the next one arrives; another customer's never.
    placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[2] === customerId ? previous : undefined),
  })
}

/** The deposit asked on an estimate once approved (issue #15); type null removes it. */
export function useEstimateDeposit() {
  const invalidate = useInvalidatePortal()
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: { type: "percent" | "amount" | null; value?: number | string | null } }) =>
      sdk.client.fetch<AdminEstimateResponse>(`/admin/estimates/${id}/deposit`, { method: "POST", body }),
    onSuccess: invalidate,
  })
}
