import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { policyFromSettings } from "../../../../lib/approval"
import { formText } from "../../../../lib/form-text"
import { loadEstimate } from "../../../loaders"
import { portalCustomerId } from "../../../utils/portal-auth"
import { sendPortalPage } from "../../../utils/portal-pages"
import { requestSettings } from "../../../utils/request-settings"
import { requestT } from "../../../utils/request-locale"
import { onlinePaymentOffered } from "../../../utils/online-payment"

/** After a decision (`?decided=`): the catalog key of what the page confirms. */
const NOTICES: Record<string, string> = {
  accepted: "msg.decided.accepted",
  rejected: "msg.decided.rejected",
}

export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const settings = await requestSettings(req)
  const policy = policyFromSettings(settings)
  const { estimate, decision, revised_as } = await loadEstimate(req.scope, portalCustomerId(req), { id: req.params.id, viewed_via: "page", policy })
  const t = await requestT(req)
  const notice = NOTICES[formText(req.query.decided)]
  await sendPortalPage(req, res, 200, "estimate.html.njk", {
    title: t("page.estimate.title", { number: estimate.number }),
    estimate,
    decision,
    revised_as,
    notice: notice ? t(notice) : null,
    // "Pay deposit" is offered where invoices' Pay Now is, by the same rule (no button that can only be refused).
    payments_on: Boolean(estimate.deposit && Number(estimate.deposit.due) > 0) && (await onlinePaymentOffered(req)),
  })
}
