import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { policyFromSettings } from "../../../../lib/approval"
import { formText } from "../../../../lib/form-text"
import { loadEstimate } from "../../../loaders"
import { portalCustomerId } from "../../../utils/portal-auth"
import { sendPortalPage } from "../../../utils/portal-pages"
import { requestSettings } from "../../../utils/request-settings"

const NOTICES: Record<string, string> = {
  accepted: "Thank you: you approved this estimate. The business has been told.",
  rejected: "You rejected this estimate. The business has been told.",
}

export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const policy = policyFromSettings(await requestSettings(req))
  const { estimate, decision, revised_as } = await loadEstimate(req.scope, portalCustomerId(req), { id: req.params.id, viewed_via: "page", policy })
  await sendPortalPage(req, res, 200, "estimate.html.njk", {
    title: `Estimate ${estimate.number}`,
    estimate,
    decision,
    revised_as,
    notice: NOTICES[formText(req.query.decided)] ?? null,
  })
}
