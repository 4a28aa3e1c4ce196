import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { serializePortalInvoiceDetail } from "../../../../../lib/serializers"
import { PORTAL_MODULE } from "../../../../../modules/portal"
import { PortalEventActor, PortalEventType } from "../../../../../modules/portal/constants"
import type PortalModuleService from "../../../../../modules/portal/service"
import { portalCustomerId } from "../../../../utils/portal-auth"

export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const portal = req.scope.resolve<PortalModuleService>(PORTAL_MODULE)
  const customerId = portalCustomerId(req)
  const invoice = serializePortalInvoiceDetail(await portal.retrieveCustomerInvoice(customerId, req.params.id))
  await portal.logEvent({
    type: PortalEventType.INVOICE_VIEWED,
    customer_id: customerId,
    actor: PortalEventActor.CUSTOMER,
    subject_type: "invoice",
    subject_id: invoice.id,
    data: { via: "store" },
  })
  res.json({ invoice })
}
