import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { PORTAL_MODULE } from "../../../../modules/portal"
import { PortalEventActor, PortalEventType } from "../../../../modules/portal/constants"
import type PortalModuleService from "../../../../modules/portal/service"
import { serializePortalInvoiceDetail } from "../../../../lib/serializers"
import { portalCustomerId } from "../../../utils/portal-auth"
import { sendPortalPage } from "../../../utils/portal-pages"
import { onlinePayment } from "../../../utils/online-payment"

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
  })
  await sendPortalPage(req, res, 200, "invoice.html.njk", {
    title: `Invoice ${invoice.number}`,
    invoice,
    payment: await onlinePayment(req, invoice),
  })
}
