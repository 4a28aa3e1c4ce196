import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { estimatePdfData, invoicePdfData, pdfFileName, PdfDocumentData, renderDocumentPdf } from "../../lib/pdf"
import { serializePortalEstimateDetail, serializePortalInvoiceDetail } from "../../lib/serializers"
import { PORTAL_MODULE } from "../../modules/portal"
import { PortalEventActor, PortalEventType } from "../../modules/portal/constants"
import type PortalModuleService from "../../modules/portal/service"
import { loadPortalCustomer } from "./portal-profile"

/** Sends a rendered PDF as a download named after the document number. */
export function sendPdf(res: MedusaResponse, data: PdfDocumentData, pdf: Buffer) {
  res.setHeader("Content-Type", "application/pdf")
  res.setHeader("Content-Disposition", `attachment; filename="${pdfFileName(data)}"`)
  res.setHeader("Content-Length", String(pdf.length))
  res.setHeader("Cache-Control", "private, no-store")
  res.setHeader("X-Content-Type-Options", "nosniff")
  res.status(200).end(pdf)
}

/**
 * The owner's copy: exactly the PDF the customer gets (same serializers), for any document of
 * theirs, drafts included.
 */
export async function sendOwnerDocumentPdf(req: MedusaRequest, res: MedusaResponse, kind: "invoice" | "estimate") {
  const portal = req.scope.resolve<PortalModuleService>(PORTAL_MODULE)
  const document =
    kind === "invoice"
      ? await portal.retrievePortalInvoice(req.params.id, { relations: ["lines", "payments"] })
      : await portal.retrievePortalEstimate(req.params.id, { relations: ["lines"] })
  const [customer, settings] = await Promise.all([loadPortalCustomer(req.scope, document.customer_id), portal.retrieveSettings()])
  const data: PdfDocumentData =
    kind === "invoice"
      ? invoicePdfData(serializePortalInvoiceDetail(document as never), customer)
      : estimatePdfData(serializePortalEstimateDetail(document as never), customer)
  sendPdf(res, data, await renderDocumentPdf(data, settings))
}

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
  sendPdf(res, data, pdf)
}
