import { PortalEventActor, PortalEventType } from "../../modules/portal/constants"
import type { ModuleLogPortalEvent } from "../../types/module"

/** Which face a customer looked at a document through. */
export type ViewedVia = "page" | "store"

const VIEW_EVENTS = {
  invoice: PortalEventType.INVOICE_VIEWED,
  estimate: PortalEventType.ESTIMATE_VIEWED,
} as const

/**
 * A customer looking at one of their documents is logged once per view, on either face; a
 * storefront's view says so in its data (the pages' events carry none, as they always have). The
 * document read logs it in its own statement (see retrieveCustomerInvoiceDetail).
 */
export function documentViewEvent(customerId: string, kind: keyof typeof VIEW_EVENTS, id: string, via: ViewedVia): ModuleLogPortalEvent {
  return {
    type: VIEW_EVENTS[kind],
    customer_id: customerId,
    actor: PortalEventActor.CUSTOMER,
    subject_type: kind,
    subject_id: id,
    ...(via === "store" ? { data: { via } } : {}),
  }
}
