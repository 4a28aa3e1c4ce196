import type { MedusaContainer } from "@medusajs/framework/types"
import type { Translate } from "../../lib/i18n"
import { serializePortalInvoice, serializePortalInvoiceDetail } from "../../lib/serializers"
import { PORTAL_MODULE } from "../../modules/portal"
import type PortalModuleService from "../../modules/portal/service"
import type { ModulePortalSettings } from "../../types/module"
import type { PortalInvoicesQueryType } from "../portal/validators"
import { documentViewEvent, ViewedVia } from "./view-log"

/** One page of the customer's invoices (sent and paid), newest first; labels in `t`'s language (English without). */
export async function loadInvoiceList(scope: MedusaContainer, customerId: string, query: PortalInvoicesQueryType, t?: Translate) {
  const [invoices, count] = await scope.resolve<PortalModuleService>(PORTAL_MODULE).listCustomerInvoices(customerId, query)
  const now = new Date()
  return { invoices: invoices.map((i) => serializePortalInvoice(i, now, t)), count, offset: query.offset, limit: query.limit }
}

/**
 * One of the customer's invoices with its lines and payments; another customer's is "not found".
 * With `viewed_via` the read is a customer's view and is logged — by the read's own statement,
 * so a view costs one round trip.
 */
export async function loadInvoice(
  scope: MedusaContainer,
  customerId: string,
  input: { id: string; viewed_via?: ViewedVia; settings?: ModulePortalSettings | Promise<ModulePortalSettings>; t?: Translate }
) {
  const portal = scope.resolve<PortalModuleService>(PORTAL_MODULE)
  const view = input.viewed_via ? documentViewEvent(customerId, "invoice", input.id, input.viewed_via) : undefined
  // The request's settings when the route has them (its session check read them): the part
  // payments a customer may choose depend on them, and reading them again costs a statement.
  const [record, settings] = await Promise.all([
    portal.retrieveCustomerInvoiceDetail(customerId, input.id, { view }),
    input.settings ?? portal.retrieveSettings(),
  ])
  const invoice = serializePortalInvoiceDetail(record, new Date(), settings, input.t)
  return { invoice }
}

export type PortalInvoiceListDTO = Awaited<ReturnType<typeof loadInvoiceList>>
export type PortalInvoiceDTO = Awaited<ReturnType<typeof loadInvoice>>
