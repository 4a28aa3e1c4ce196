import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { loadInvoice } from "../../../loaders"
import { invoicePageData } from "../../../utils/invoice-page"
import { requestSettings } from "../../../utils/request-settings"
import { portalCustomerId } from "../../../utils/portal-auth"
import { sendPortalPage } from "../../../utils/portal-pages"

export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const { invoice } = await loadInvoice(req.scope, portalCustomerId(req), { id: req.params.id, viewed_via: "page", settings: requestSettings(req) })
  await sendPortalPage(req, res, 200, "invoice.html.njk", await invoicePageData(req, invoice))
}
