import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { serializePortalInvoiceDetail } from "../../../../../lib/serializers"
import { PORTAL_MODULE } from "../../../../../modules/portal"
import type PortalModuleService from "../../../../../modules/portal/service"
import { formPaymentAmount } from "../../../validators"
import { startInvoicePaymentWorkflow } from "../../../../../workflows/payments"
import { invoicePageData } from "../../../../utils/invoice-page"
import { requestSettings } from "../../../../utils/request-settings"
import { portalCustomerId } from "../../../../utils/portal-auth"
import { PAY_PAGE_CSP, sendPortalPage } from "../../../../utils/portal-pages"
import { requestT } from "../../../../utils/request-locale"
import { localizeMessage } from "../../../../../lib/i18n"

/** Nothing to show without starting a payment: back to the invoice. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  res.redirect(303, `/portal/invoices/${req.params.id}`)
}

/**
 * "Pay Now": creates (or reuses) the Stripe payment session for the open amount, or for the part
 * of it the customer chose where the invoice allows part payments, and renders
 * Stripe's Payment Element with its client secret. A refusal shows the invoice with the reason.
 */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const portal = req.scope.resolve<PortalModuleService>(PORTAL_MODULE)
  const customerId = portalCustomerId(req)
  const [record, settings] = await Promise.all([portal.retrieveCustomerInvoice(customerId, req.params.id), requestSettings(req)])
  const invoice = serializePortalInvoiceDetail(record, new Date(), settings)
  try {
    const { result: session } = await startInvoicePaymentWorkflow(req.scope).run({
      input: { customer_id: customerId, invoice_id: invoice.id, amount: formPaymentAmount(req.body) },
    })
    await sendPortalPage(
      req,
      res,
      200,
      "pay.html.njk",
      {
        title: (await requestT(req))("page.pay.title", { number: invoice.number }),
        invoice,
        session,
        publishable_key: portal.getStripePublishableKey(),
        return_url: `${portal.getPortalUrl()}/portal/invoices/${invoice.id}/pay/return`,
      },
      { csp: PAY_PAGE_CSP }
    )
  } catch (error) {
    const { type, message } = error as { type?: string; message?: string }
    // A refusal (403) or an amount the invoice does not take (400) is said as it is; anything else is Stripe's.
    const told = type === "not_allowed" || type === "invalid_data"
    await sendPortalPage(req, res, type === "not_allowed" ? 403 : type === "invalid_data" ? 400 : 502, "invoice.html.njk", {
      ...(await invoicePageData(req, invoice)),
      error: told ? localizeMessage(message ?? "", await requestT(req)) : (await requestT(req))("msg.pay_unavailable"),
      chosen_amount: formPaymentAmount(req.body) ?? null,
    })
  }
}
