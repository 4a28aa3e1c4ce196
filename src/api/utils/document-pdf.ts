import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { estimatePdfData, invoicePdfData, pdfFileName, PdfDocumentData, renderDocumentPdf } from "../../lib/pdf"
import { serializePortalEstimateDetail, serializePortalInvoiceDetail } from "../../lib/serializers"
import { PORTAL_MODULE } from "../../modules/portal"
import { PortalEventActor, PortalEventType } from "../../modules/portal/constants"
import type PortalModuleService from "../../modules/portal/service"
import { loadPortalCustomer } from "./portal-profile"

/** The PDF of one of the signed-in customer's documents, built from the portal serializers. */
export async function sendDocumentPdf(
  req: MedusaRequest,
  res: MedusaResponse,
  kind: "invoice" | "estimate",
  customerId: string,
  via: "page" | "store"
) {
  const portal = req.scope.resolve<PortalModuleService>(PORTAL_MODULE)
  const [customer, settings] = await Promise.all([loadPortalCustomer(req.scope, customerId), portal.retrieveSettings()])
  const data: PdfDocumentData =
    kind === "invoice"
      ? invoicePdfData(serializePortalInvoiceDetail(await portal.retrieveCustomerInvoice(customerId, req.params.id)), customer)
      : estimatePdfData(serializePortalEstimateDetail(await portal.retrieveCustomerEstimate(customerId, req.params.id)), customer)

  const pdf = await renderDocumentPdf(data, settings)
  await portal.logEvent({
    type: PortalEventType.PDF_DOWNLOADED,
    customer_id: customerId,
    actor: PortalEventActor.CUSTOMER,
    subject_type: kind,
    subject_id: req.params.id,
    ...(via === "store" ? { data: { via } } : {}),
  })
  res.setHeader("Content-Type", "application/pdf")
  res.setHeader("Content-Disposition", `attachment; filename="${pdfFileName(data)}"`)
  res.setHeader("Content-Length", String(pdf.length))
  res.setHeader("Cache-Control", "private, no-store")
  res.setHeader("X-Content-Type-Options", "nosniff")
  res.status(200).end(pdf)
}
