import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { PORTAL_MODULE } from "../../../modules/portal"
import type PortalModuleService from "../../../modules/portal/service"
import { startBatchPaymentWorkflow } from "../../../workflows/payments"
import { portalCustomerId } from "../../utils/portal-auth"
import { PAY_PAGE_CSP, renderPortalMessage, sendPortalPage } from "../../utils/portal-pages"
import { requestT } from "../../utils/request-locale"
import { PortalPaymentsForm } from "./validators"

/** Nothing to show without starting a payment: back to the invoices. */
export const GET = async (_req: MedusaRequest, res: MedusaResponse) => {
  res.redirect(303, "/portal/invoices")
}

const STATUS: Record<string, number> = { not_allowed: 403, invalid_data: 400, not_found: 404 }

/**
 * "Pay all open invoices" of a currency (or the chosen ones) in one card payment: the same
 * workflow as the storefront's `POST /store/portal/payments`, then Stripe's Payment Element for
 * the server's sum. A refusal says why on a page that leads back to the invoices.
 */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const t = await requestT(req)
  const form = PortalPaymentsForm.safeParse(req.body ?? {})
  const ids = form.success ? form.data.invoice_ids : undefined
  try {
    if (!form.success) {
      throw Object.assign(new Error(t("multipay.page.bad_form")), { type: "invalid_data" })
    }
    const { result: payment } = await startBatchPaymentWorkflow(req.scope).run({
      input: {
        customer_id: portalCustomerId(req),
        currency_code: form.data.currency_code || undefined,
        invoice_ids: ids === undefined ? undefined : Array.isArray(ids) ? ids : [ids],
      },
    })
    const portal = req.scope.resolve<PortalModuleService>(PORTAL_MODULE)
    await sendPortalPage(
      req,
      res,
      200,
      "pay-batch.html.njk",
      {
        title: t("multipay.page.title"),
        payment,
        publishable_key: portal.getStripePublishableKey(),
        return_url: `${portal.getPortalUrl()}/portal/payments/${payment.id}/return`,
      },
      { csp: PAY_PAGE_CSP }
    )
  } catch (error) {
    const { type, message } = error as { type?: string; message?: string }
    const status = (type && STATUS[type]) || 502
    await renderPortalMessage(req, res, status, {
      title: t("multipay.page.refused_title"),
      paragraphs: [status === 502 ? t("msg.pay_unavailable") : (message ?? "")],
      link: { url: "/portal/invoices", label: t("multipay.page.back") },
    })
  }
}
