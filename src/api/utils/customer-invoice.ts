import type { MedusaRequest } from "@medusajs/framework/http"
import { serializePortalInvoiceDetail } from "../../lib/serializers"
import { PORTAL_MODULE } from "../../modules/portal"
import { PortalEventActor, PortalEventType } from "../../modules/portal/constants"
import type PortalModuleService from "../../modules/portal/service"
import { portalCustomerId } from "./portal-auth"

/** The signed-in customer's invoice, as they see it; the view is logged (page or storefront). */
export async function viewCustomerInvoice(req: MedusaRequest, via: "page" | "store") {
  const portal = req.scope.resolve<PortalModuleService>(PORTAL_MODULE)
  const customerId = portalCustomerId(req)
  const invoice = serializePortalInvoiceDetail(await portal.retrieveCustomerInvoice(customerId, req.params.id))
  await portal.logEvent({
    type: PortalEventType.INVOICE_VIEWED,
    customer_id: customerId,
    actor: PortalEventActor.CUSTOMER,
    subject_type: "invoice",
    subject_id: invoice.id,
    ...(via === "store" ? { data: { via } } : {}),
  })
  return invoice
}
