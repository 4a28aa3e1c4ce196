import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { processDepositPaymentReturnWorkflow } from "../../../../../../workflows/deposits"
import { portalCustomerId } from "../../../../../utils/portal-auth"
import { renderPortalMessage } from "../../../../../utils/portal-pages"
import { requestT } from "../../../../../utils/request-locale"

/**
 * Where Stripe sends the customer back after paying a deposit. The query string is not trusted:
 * the workflow asks Stripe for the PaymentIntent's real status and records a captured payment at
 * once (idempotently with the webhook).
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const redirectStatus = typeof req.query.redirect_status === "string" ? req.query.redirect_status : null
  const { result } = await processDepositPaymentReturnWorkflow(req.scope).run({
    input: { customer_id: portalCustomerId(req), estimate_id: req.params.id, redirect_status: redirectStatus },
  })
  const { estimate } = result
  const t = await requestT(req)
  const back = { url: `/portal/estimates/${estimate.id}`, label: t("deposit.page.back", { number: estimate.number }) }
  if (result.outcome === "paid") {
    return renderPortalMessage(req, res, 200, {
      title: t("deposit.return.paid_title"),
      paragraphs: [t("deposit.return.paid_body", { number: estimate.number })],
      link: back,
    })
  }
  if (result.converted) {
    return renderPortalMessage(req, res, 409, {
      title: t("deposit.return.converted_title"),
      paragraphs: [t("deposit.return.converted_body", { number: estimate.number })],
      link: back,
    })
  }
  const failed = result.outcome === "failed"
  return renderPortalMessage(req, res, failed ? 402 : 202, {
    title: failed ? t("msg.pay_return.failed_title") : t("msg.pay_return.confirming_title"),
    paragraphs: failed ? [...(result.reason ? [result.reason] : []), t("msg.pay_return.failed_body")] : [t("deposit.return.confirming_body")],
    link: back,
  })
}
