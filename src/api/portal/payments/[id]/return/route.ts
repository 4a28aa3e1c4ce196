import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { processBatchPaymentReturnWorkflow } from "../../../../../workflows/payments"
import { portalCustomerId } from "../../../../utils/portal-auth"
import { renderPortalMessage } from "../../../../utils/portal-pages"
import { requestT } from "../../../../utils/request-locale"

/**
 * Where Stripe sends the customer back after paying several invoices at once. The query string
 * is not trusted: the workflow asks Stripe for the PaymentIntent's real status and shares a
 * captured payment out at once (idempotently with the webhook).
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const redirectStatus = typeof req.query.redirect_status === "string" ? req.query.redirect_status : null
  const { result } = await processBatchPaymentReturnWorkflow(req.scope).run({
    input: { customer_id: portalCustomerId(req), batch_id: req.params.id, redirect_status: redirectStatus },
  })
  const t = await requestT(req)
  const invoices = { url: "/portal/invoices", label: t("multipay.page.back") }
  if (result.outcome === "paid") {
    return renderPortalMessage(req, res, 200, { title: t("msg.pay_return.paid_title"), paragraphs: [t("multipay.page.paid_body")], link: invoices })
  }
  if (result.outcome === "processing") {
    return renderPortalMessage(req, res, 202, {
      title: t("page.processing.title"),
      paragraphs: [t("multipay.page.processing_body")],
      link: { url: `/portal/payments/${result.batch_id}/return`, label: t("multipay.page.check_again") },
    })
  }
  const failed = result.outcome === "failed"
  return renderPortalMessage(req, res, failed ? 402 : 202, {
    title: failed ? t("msg.pay_return.failed_title") : t("msg.pay_return.confirming_title"),
    paragraphs: failed ? [...(result.reason ? [result.reason] : []), t("msg.pay_return.failed_body")] : [t("msg.pay_return.confirming_body")],
    link: invoices,
  })
}
