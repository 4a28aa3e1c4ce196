import type { MedusaContainer } from "@medusajs/framework/types"
import type { Translate } from "../../lib/i18n"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import {
  PortalHistoryEntry,
  serializeHistoryEstimate,
  serializeHistoryInvoice,
  serializeHistoryOrder,
} from "../../lib/serializers"
import { PORTAL_MODULE } from "../../modules/portal"
import type PortalModuleService from "../../modules/portal/service"

const LIMIT = 100

/** The customer's Medusa orders, paid invoices and accepted estimates, newest first; titles in `t`'s language. */
export async function loadServiceHistory(scope: MedusaContainer, customerId: string, t?: Translate): Promise<{ history: PortalHistoryEntry[] }> {
  const portal = scope.resolve<PortalModuleService>(PORTAL_MODULE)
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
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
  const history = [
    ...orders.map((o) => serializeHistoryOrder(o as never, t)),
    ...invoices.map((i) => serializeHistoryInvoice(i, t)),
    ...estimates.map((e) => serializeHistoryEstimate(e, t)),
  ]
  return { history: history.sort((a, b) => b.date.localeCompare(a.date)).slice(0, LIMIT) }
}

export type PortalHistoryDTO = Awaited<ReturnType<typeof loadServiceHistory>>
