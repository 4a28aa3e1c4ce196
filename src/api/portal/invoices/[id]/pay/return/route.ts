import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { processingRecheckSeconds } from "../../../../../../lib/payment-return"
import { processInvoicePaymentReturnWorkflow } from "../../../../../../workflows/payments"
import { portalCustomerId } from "../../../../../utils/portal-auth"
import { renderPortalMessage, sendPortalPage } from "../../../../../utils/portal-pages"
import { requestT } from "../../../../../utils/request-locale"

/**
 * Where Stripe sends the customer back, and where the processing page checks again. The query
 * string is not trusted: the workflow asks Stripe for the PaymentIntent's real status and records
 * a captured payment at once (idempotently with the webhook), so the answer is immediate.
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const redirectStatus = typeof req.query.redirect_status === "string" ? req.query.redirect_status : null
  const { result } = await processInvoicePaymentReturnWorkflow(req.scope).run({
    input: { customer_id: portalCustomerId(req), invoice_id: req.params.id, redirect_status: redirectStatus },
  })
  const { invoice } = result
  const t = await requestT(req)

  if (result.outcome === "paid") {
    return renderPortalMessage(req, res, 200, {
      title: t("msg.pay_return.paid_title"),
      paragraphs: [t("msg.pay_return.paid_body", { number: invoice.number })],
      link: { url: `/portal/invoices/${invoice.id}`, label: t("msg.pay_return.view_invoice") },
    })
  }
  if (result.outcome === "processing") {
    // How many times the page has checked: the next check comes later each time.
    const check = Math.max(0, Number.parseInt(typeof req.query.check === "string" ? req.query.check : "0", 10) || 0)
    return sendPortalPage(req, res, 202, "pay-processing.html.njk", {
      title: t("page.processing.title"),
      invoice_id: invoice.id,
      invoice_number: invoice.number,
      recheck_seconds: processingRecheckSeconds(check),
      recheck_url: `/portal/invoices/${invoice.id}/pay/return?check=${Math.min(check + 1, 1000)}`,
    })
  }
  const failed = result.outcome === "failed"
  return renderPortalMessage(req, res, failed ? 402 : 202, {
    title: failed ? t("msg.pay_return.failed_title") : t("msg.pay_return.confirming_title"),
    paragraphs: failed
      ? [...(result.reason ? [result.reason] : []), t("msg.pay_return.failed_body")]
      : [t("msg.pay_return.confirming_body")],
    link: { url: `/portal/invoices/${invoice.id}`, label: failed ? t("msg.pay_return.try_again") : t("page.processing.back") },
  })
}
