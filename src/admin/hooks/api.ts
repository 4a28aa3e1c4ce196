import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { STRIPE_PROVIDER_ID } from "../../lib/stripe-provider-id"
import { sdk } from "../lib/sdk"
import type {
  AdminCustomerSummary,
  AdminDocument,
  AdminDocumentInput,
  AdminEstimate,
  AdminEstimateListResponse,
  AdminInvoice,
  AdminInvoiceListResponse,
  AdminPortalAccess,
  AdminPortalActivityResponse,
  AdminPortalSettings,
  DocumentKind,
} from "../lib/types"

/**
 * Data hooks for the plugin's admin routes, on the dashboard's own react-query client. Every key
 * starts with "customer-portal", so one invalidation after a change refreshes every screen that
 * could show it (a sent invoice changes the invoice, the lists, the customer's access and activity).
 */
const ROOT = "customer-portal"

export const portalQueryKeys = {
  all: [ROOT] as const,
  settings: () => [ROOT, "settings"] as const,
  documents: (kind: DocumentKind, query: Record<string, unknown>) => [ROOT, kind, "list", query] as const,
  document: (kind: DocumentKind, id: string) => [ROOT, kind, "detail", id] as const,
  access: (customerId: string) => [ROOT, "access", customerId] as const,
  activity: (customerId: string, query: Record<string, unknown>) => [ROOT, "activity", customerId, query] as const,
}

const CUSTOMER_FIELDS = "+customer.id,+customer.email,+customer.first_name,+customer.last_name,+customer.company_name"

function useInvalidatePortal() {
  const queryClient = useQueryClient()
  return () => queryClient.invalidateQueries({ queryKey: portalQueryKeys.all })
}

// ── Settings ──────────────────────────────────────────────────────────────────

export function usePortalSettings() {
  return useQuery({
    queryKey: portalQueryKeys.settings(),
    queryFn: () => sdk.client.fetch<{ portal_settings: AdminPortalSettings }>("/admin/portal/settings"),
    select: (data) => data.portal_settings,
  })
}

export function useUpdatePortalSettings() {
  const invalidate = useInvalidatePortal()
  return useMutation({
    mutationFn: (body: Partial<AdminPortalSettings>) =>
      sdk.client.fetch<{ portal_settings: AdminPortalSettings }>("/admin/portal/settings", { method: "POST", body }),
    onSuccess: invalidate,
  })
}

/** Whether Medusa has a Stripe payment provider registered (Pay Now needs one). */
export function useHasStripeProvider() {
  return useQuery({
    queryKey: [ROOT, "payment-providers"],
    queryFn: () =>
      sdk.client.fetch<{ payment_providers: { id: string; is_enabled?: boolean }[] }>("/admin/payments/payment-providers", {
        query: { limit: 100 },
      }),
    // The exact provider the server's Pay Now uses, not any Stripe provider.
    select: (data) => data.payment_providers.some((p) => p.id === STRIPE_PROVIDER_ID && p.is_enabled !== false),
  })
}

// ── Invoices and estimates ────────────────────────────────────────────────────

const path = (kind: DocumentKind) => (kind === "invoice" ? "/admin/invoices" : "/admin/estimates")

export type DocumentListQuery = {
  limit: number
  offset: number
  q?: string
  status?: string
  customer_id?: string
  order?: string
}

/** Either list, for screens shared by both kinds (the list pages, the customer widget). */
export function useDocuments(kind: DocumentKind, query: DocumentListQuery, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: portalQueryKeys.documents(kind, query),
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
    queryKey: portalQueryKeys.document("invoice", id),
    queryFn: () => sdk.client.fetch<{ invoice: AdminInvoice }>(`/admin/invoices/${id}`, { query: { fields: CUSTOMER_FIELDS } }),
    select: (data) => data.invoice,
  })
}

export function useEstimate(id: string) {
  return useQuery({
    queryKey: portalQueryKeys.document("estimate", id),
    queryFn: () => sdk.client.fetch<{ estimate: AdminEstimate }>(`/admin/estimates/${id}`, { query: { fields: CUSTOMER_FIELDS } }),
    select: (data) => data.estimate,
  })
}

type DocumentResponse = { invoice?: AdminInvoice; estimate?: AdminEstimate }

/** Creates a draft, or replaces a draft's fields and lines when `id` is given. */
export function useSaveDocument(kind: DocumentKind) {
  const invalidate = useInvalidatePortal()
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: Partial<AdminDocumentInput> }) =>
      sdk.client.fetch<DocumentResponse>(id ? `${path(kind)}/${id}` : path(kind), { method: "POST", body }),
    onSuccess: invalidate,
  })
}

export function useDeleteDocument(kind: DocumentKind) {
  const invalidate = useInvalidatePortal()
  return useMutation({
    mutationFn: (id: string) => sdk.client.fetch(`${path(kind)}/${id}`, { method: "DELETE" }),
    onSuccess: invalidate,
  })
}

/** send (both), void (invoices), convert (estimates; answers `{ invoice, estimate }`). */
export function useDocumentAction(kind: DocumentKind, action: "send" | "void" | "convert") {
  const invalidate = useInvalidatePortal()
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body?: Record<string, unknown> }) =>
      sdk.client.fetch<DocumentResponse>(`${path(kind)}/${id}/${action}`, { method: "POST", body: body ?? {} }),
    onSuccess: invalidate,
  })
}

export type RecordPaymentBody = { amount: number; method: string; paid_at?: string; reference?: string | null }

export function useRecordPayment() {
  const invalidate = useInvalidatePortal()
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: RecordPaymentBody }) =>
      sdk.client.fetch<{ invoice: AdminInvoice }>(`/admin/invoices/${id}/payments`, { method: "POST", body }),
    onSuccess: invalidate,
  })
}

// ── Customers ─────────────────────────────────────────────────────────────────

export function useCustomerSearch(q: string) {
  return useQuery({
    queryKey: [ROOT, "customer-search", q],
    queryFn: () =>
      sdk.client.fetch<{ customers: AdminCustomerSummary[]; count: number }>("/admin/customers", {
        query: { q: q || undefined, limit: 8, fields: "id,email,first_name,last_name,company_name" },
      }),
    placeholderData: keepPreviousData,
  })
}

export function useCustomer(id: string | undefined) {
  return useQuery({
    queryKey: [ROOT, "customer", id],
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
    queryKey: [ROOT, "store-currencies"],
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
    queryFn: () => sdk.client.fetch<{ portal_access: AdminPortalAccess }>(accessPath(customerId)),
    select: (data) => data.portal_access,
  })
}

export function useSendPortalAccess(customerId: string) {
  const invalidate = useInvalidatePortal()
  return useMutation({
    mutationFn: () =>
      sdk.client.fetch<{ email: { status: "success" | "failure"; error?: string }; portal_access: AdminPortalAccess }>(
        `${accessPath(customerId)}/send`,
        { method: "POST", body: {} }
      ),
    onSuccess: invalidate,
  })
}

/** A new link returned to the owner, not emailed ("Copy portal link", "View portal as customer"). */
export function useCreatePortalLink(customerId: string) {
  const invalidate = useInvalidatePortal()
  return useMutation({
    mutationFn: () =>
      sdk.client.fetch<{ link: { id: string; url: string; expires_at: string } }>(`${accessPath(customerId)}/link`, {
        method: "POST",
        body: {},
      }),
    onSuccess: invalidate,
  })
}

export function useSetPortalAccess(customerId: string) {
  const invalidate = useInvalidatePortal()
  return useMutation({
    mutationFn: (enabled: boolean) =>
      sdk.client.fetch<{ portal_access: AdminPortalAccess }>(`${accessPath(customerId)}/${enabled ? "enable" : "disable"}`, {
        method: "POST",
        body: {},
      }),
    onSuccess: invalidate,
  })
}

export function useRevokePortalLink(customerId: string) {
  const invalidate = useInvalidatePortal()
  return useMutation({
    mutationFn: (linkId: string) => sdk.client.fetch(`${accessPath(customerId)}/links/${linkId}`, { method: "DELETE" }),
    onSuccess: invalidate,
  })
}

export function usePortalActivity(customerId: string | undefined, query: { limit: number; offset?: number }) {
  return useQuery({
    queryKey: portalQueryKeys.activity(customerId ?? "", query),
    queryFn: () =>
      sdk.client.fetch<AdminPortalActivityResponse>(`/admin/customers/${customerId}/portal-activity`, { query }),
    enabled: !!customerId,
  })
}
