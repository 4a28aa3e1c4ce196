import type { MedusaRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { PORTAL_MODULE } from "../../modules/portal"
import type PortalModuleService from "../../modules/portal/service"

export type HistoryEntry = {
  kind: "order" | "invoice" | "estimate"
  id: string
  title: string
  date: string
  amount: number | null
  currency_code: string
  url: string | null
}

const LIMIT = 100

/** The customer's Medusa orders, paid invoices and accepted estimates, newest first. */
export async function serviceHistory(req: MedusaRequest, customerId: string): Promise<HistoryEntry[]> {
  const portal = req.scope.resolve<PortalModuleService>(PORTAL_MODULE)
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const settings = await portal.retrieveSettings()
  const [{ data: orders }, invoices, estimates] = await Promise.all([
    query.graph({
      entity: "order",
      fields: ["id", "display_id", "created_at", "currency_code", "total", "status"],
      filters: { customer_id: customerId, status: { $nin: ["draft", "canceled"] } },
      pagination: { take: LIMIT, order: { created_at: "DESC" } },
    }),
    portal.listPortalInvoices({ customer_id: customerId, status: "paid" }, { take: LIMIT, order: { paid_at: "DESC" } }),
    portal.listPortalEstimates({ customer_id: customerId, status: "accepted" }, { take: LIMIT, order: { decided_at: "DESC" } }),
  ])
  const entries: HistoryEntry[] = [
    ...orders.map((o: Record<string, any>) => ({
      kind: "order" as const,
      id: o.id,
      title: `Order #${o.display_id}`,
      date: new Date(o.created_at).toISOString(),
      amount: o.total == null ? null : Number(o.total),
      currency_code: o.currency_code,
      url: null,
    })),
    ...invoices.map((i) => ({
      kind: "invoice" as const,
      id: i.id,
      title: `Invoice ${i.display_number} paid`,
      date: new Date(i.paid_at ?? i.updated_at).toISOString(),
      amount: i.total as unknown as number,
      currency_code: i.currency_code,
      url: settings.allow_invoices ? `/portal/invoices/${i.id}` : null,
    })),
    ...estimates.map((e) => ({
      kind: "estimate" as const,
      id: e.id,
      title: `Estimate ${e.display_number} accepted`,
      date: new Date(e.decided_at ?? e.updated_at).toISOString(),
      amount: e.total as unknown as number,
      currency_code: e.currency_code,
      url: settings.allow_estimates ? `/portal/estimates/${e.id}` : null,
    })),
  ]
  return entries.sort((a, b) => b.date.localeCompare(a.date)).slice(0, LIMIT)
}
