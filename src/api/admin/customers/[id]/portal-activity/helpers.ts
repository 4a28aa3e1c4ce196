import type { MedusaContainer } from "@medusajs/framework/types"
import { PORTAL_MODULE } from "../../../../../modules/portal"
import type PortalModuleService from "../../../../../modules/portal/service"
import type { AdminPortalEventDocument } from "../../../../../types/http"

type Subject = { subject_type: string | null; subject_id: string | null }

/**
 * Adds to each event the document it is about (kind, id, current number), so the owner's activity
 * list can name and link it. Documents are looked up among this customer's only: an event can
 * never lead to another customer's document.
 */
export async function withDocuments<T extends Subject>(
  scope: MedusaContainer,
  customerId: string,
  events: T[]
): Promise<(T & { document: AdminPortalEventDocument | null })[]> {
  const idsOf = (type: string) => [...new Set(events.filter((e) => e.subject_type === type && e.subject_id).map((e) => e.subject_id!))]
  const invoiceIds = idsOf("invoice")
  const estimateIds = idsOf("estimate")
  const service = scope.resolve<PortalModuleService>(PORTAL_MODULE)
  const select = ["id", "display_number"]
  const [invoices, estimates] = await Promise.all([
    invoiceIds.length ? service.listPortalInvoices({ id: invoiceIds, customer_id: customerId }, { select, take: null }) : [],
    estimateIds.length ? service.listPortalEstimates({ id: estimateIds, customer_id: customerId }, { select, take: null }) : [],
  ])
  const found = new Map<string, AdminPortalEventDocument>([
    ...invoices.map((d) => [`invoice:${d.id}`, { type: "invoice" as const, id: d.id, display_number: d.display_number ?? null }] as const),
    ...estimates.map((d) => [`estimate:${d.id}`, { type: "estimate" as const, id: d.id, display_number: d.display_number ?? null }] as const),
  ])
  return events.map((event) => ({ ...event, document: found.get(`${event.subject_type}:${event.subject_id}`) ?? null }))
}
