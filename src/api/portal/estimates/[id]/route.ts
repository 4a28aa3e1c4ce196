import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { formText } from "../../../../lib/form-text"
import { PORTAL_MODULE } from "../../../../modules/portal"
import { PortalEventActor, PortalEventType } from "../../../../modules/portal/constants"
import type PortalModuleService from "../../../../modules/portal/service"
import { serializePortalEstimateDetail } from "../../../../lib/serializers"
import { portalCustomerId } from "../../../utils/portal-auth"
import { sendPortalPage } from "../../../utils/portal-pages"

const NOTICES: Record<string, string> = {
  accepted: "Thank you: you approved this estimate. The business has been told.",
  rejected: "You rejected this estimate. The business has been told.",
}

export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const portal = req.scope.resolve<PortalModuleService>(PORTAL_MODULE)
  const customerId = portalCustomerId(req)
  const estimate = serializePortalEstimateDetail(await portal.retrieveCustomerEstimate(customerId, req.params.id))
  await portal.logEvent({
    type: PortalEventType.ESTIMATE_VIEWED,
    customer_id: customerId,
    actor: PortalEventActor.CUSTOMER,
    subject_type: "estimate",
    subject_id: estimate.id,
  })
  await sendPortalPage(req, res, 200, "estimate.html.njk", {
    title: `Estimate ${estimate.number}`,
    estimate,
    notice: NOTICES[formText(req.query.decided)] ?? null,
  })
}
