import type { MedusaRequest } from "@medusajs/framework/http"
import type { StoreInvoiceDetail } from "../../lib/serializers"
import { onlinePayment } from "./online-payment"
import { requestSettings } from "./request-settings"
import { requestT } from "./request-locale"

/**
 * What the invoice page renders besides the invoice: whether Pay Now is offered (and why not) and
 * the owner's payment instructions, shown with or without online payment. The page and a refused
 * Pay Now both render it.
 */
export async function invoicePageData(req: MedusaRequest, invoice: StoreInvoiceDetail) {
  const [payment, settings, t] = await Promise.all([onlinePayment(req, invoice), requestSettings(req), requestT(req)])
  return {
    title: t("page.invoice.title", { number: invoice.number }),
    invoice,
    payment,
    payment_instructions: settings.payment_instructions?.trim() || null,
  }
}
