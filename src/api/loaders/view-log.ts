import type { MedusaContainer } from "@medusajs/framework/types"
import { PORTAL_MODULE } from "../../modules/portal"
import { PortalEventActor, PortalEventType } from "../../modules/portal/constants"
import type PortalModuleService from "../../modules/portal/service"

/** Which face a customer looked at a document through. */
export type ViewedVia = "page" | "store"

const VIEW_EVENTS = {
  invoice: PortalEventType.INVOICE_VIEWED,
  estimate: PortalEventType.ESTIMATE_VIEWED,
} as const

/**
 * A customer looking at one of their documents is logged once per view, on either face; a
 * storefront's view says so in its data (the pages' events carry none, as they always have).
 */
export async function logDocumentView(
  scope: MedusaContainer,
  customerId: string,
  kind: keyof typeof VIEW_EVENTS,
  id: string,
  via: ViewedVia
) {
  await scope.resolve<PortalModuleService>(PORTAL_MODULE).logEvent({
    type: VIEW_EVENTS[kind],
    customer_id: customerId,
    actor: PortalEventActor.CUSTOMER,
    subject_type: kind,
    subject_id: id,
    ...(via === "store" ? { data: { via } } : {}),
  })
}
