import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { viewCustomerInvoice } from "../../../utils/customer-invoice"
import { onlinePayment } from "../../../utils/online-payment"
import { sendPortalPage } from "../../../utils/portal-pages"

export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const invoice = await viewCustomerInvoice(req, "page")
  await sendPortalPage(req, res, 200, "invoice.html.njk", {
    title: `Invoice ${invoice.number}`,
    invoice,
    payment: await onlinePayment(req, invoice),
  })
}
