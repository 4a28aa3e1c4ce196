import type { AdminDocumentKind } from "../../types/http"

/**
 * Every react-query key of the admin extension, in one place. All start with ROOT, so one
 * invalidation after a change refreshes every screen that could show it (a sent invoice changes
 * the invoice, the lists, the customer's access and activity); narrower keys (`.lists()`,
 * `.detail(id)`) are there for reads and targeted invalidation.
 */
const ROOT = "customer-portal"

type Params = Record<string, unknown>

const documentKeys = <K extends AdminDocumentKind>(kind: K) => {
  const all = [ROOT, kind] as const
  return {
    all,
    /** The customer's signed decisions on one estimate (under the document, so its changes refresh them). */
    decisions: (id: string) => [...all, "detail", id, "decisions"] as const,
    lists: () => [...all, "list"] as const,
    list: (params: Params) => [...all, "list", params] as const,
    details: () => [...all, "detail"] as const,
    detail: (id: string) => [...all, "detail", id] as const,
  }
}

const invoices = documentKeys("invoice")
const estimates = documentKeys("estimate")

export const portalQueryKeys = {
  all: [ROOT] as const,
  settings: () => [ROOT, "settings"] as const,
  paymentProviders: () => [ROOT, "payment-providers"] as const,
  invoices,
  estimates,
  /** The keys of either kind, for screens shared by both (lists, customer widget, document form). */
  documents: (kind: AdminDocumentKind) => (kind === "invoice" ? invoices : estimates),
  customers: {
    search: (q: string) => [ROOT, "customers", "search", q] as const,
    detail: (id: string | undefined) => [ROOT, "customers", "detail", id] as const,
  },
  storeCurrencies: () => [ROOT, "store-currencies"] as const,
  access: (customerId: string) => [ROOT, "access", customerId] as const,
  activity: (customerId: string, params: Params) => [ROOT, "activity", customerId, params] as const,
}
