import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { serializePortalEstimateDetail } from "../../../../../lib/serializers"
import { PORTAL_MODULE } from "../../../../../modules/portal"
import type PortalModuleService from "../../../../../modules/portal/service"
import { startDepositPaymentWorkflow } from "../../../../../workflows/deposits"
import { portalCustomerId } from "../../../../utils/portal-auth"
import { PAY_PAGE_CSP, renderPortalMessage, sendPortalPage } from "../../../../utils/portal-pages"
import { requestT } from "../../../../utils/request-locale"

/** Nothing to show without starting a payment: back to the estimate. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  res.redirect(303, `/portal/estimates/${req.params.id}`)
}

/**
 * "Pay deposit" on an approved estimate: creates (or reuses) the Stripe payment session for the
 * deposit still due and renders Stripe's Payment Element with its client secret. A refusal (no
 * deposit due, payments off) is said on a message page with a way back.
 */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const portal = req.scope.resolve<PortalModuleService>(PORTAL_MODULE)
  const customerId = portalCustomerId(req)
  const estimate = serializePortalEstimateDetail(await portal.retrieveCustomerEstimate(customerId, req.params.id))
  const t = await requestT(req)
  try {
    const { result: session } = await startDepositPaymentWorkflow(req.scope).run({
      input: { customer_id: customerId, estimate_id: estimate.id },
    })
    await sendPortalPage(
      req,
      res,
      200,
      "deposit-pay.html.njk",
      {
        title: t("deposit.page.title", { number: estimate.number }),
        estimate,
        session,
        publishable_key: portal.getStripePublishableKey(),
        return_url: `${portal.getPortalUrl()}/portal/estimates/${estimate.id}/deposit/return`,
      },
      { csp: PAY_PAGE_CSP }
    )
  } catch (error) {
    const { type, message } = error as { type?: string; message?: string }
    const told = type === "not_allowed"
    await renderPortalMessage(req, res, told ? 403 : 502, {
      title: t("deposit.page.unavailable_title"),
      paragraphs: [told && message ? message : t("msg.pay_unavailable")],
      link: { url: `/portal/estimates/${estimate.id}`, label: t("deposit.page.back", { number: estimate.number }) },
    })
  }
}
