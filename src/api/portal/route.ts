import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { loadPortalMe, loadPortalSummary } from "../loaders"
import { portalCustomerId } from "../utils/portal-auth"
import { sendPortalPage } from "../utils/portal-pages"
import { requestSettings } from "../utils/request-settings"
import { requestT } from "../utils/request-locale"
import { onlinePaymentOffered } from "../utils/online-payment"

/** The portal's home: open balance, overdue invoices, estimates waiting, and the sections. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const customerId = portalCustomerId(req)
  const [{ summary }, { customer, portal }] = await Promise.all([
    loadPortalSummary(req.scope, customerId),
    loadPortalMe(req.scope, customerId, { settings: requestSettings(req) }),
  ])
  await sendPortalPage(req, res, 200, "home.html.njk", {
    title: (await requestT(req))("page.home.title"),
    customer,
    summary,
    sections: portal.sections,
    // One payment for a currency's several open invoices, only where card payments are taken.
    pay_online: summary.balances.some((b: { invoice_id?: string | null }) => !b.invoice_id) && (await onlinePaymentOffered(req)),
  })
}
