import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import {
  estimatePdfData,
  invoicePdfAsksForPayment,
  invoicePdfData,
  isPdfRenderCancelled,
  isPdfRendererBusy,
  pdfFileName,
  PdfDocumentData,
} from "../../lib/pdf"
import { serializePortalEstimateDetail, serializePortalInvoiceDetail } from "../../lib/serializers"
import { PORTAL_MODULE } from "../../modules/portal"
import { PortalEventActor, PortalEventType } from "../../modules/portal/constants"
import type PortalModuleService from "../../modules/portal/service"
import type { ModulePortalSettings } from "../../types/module"
import { requestSettings } from "./request-settings"
import { loadDocumentPdf, loadPortalCustomer, loadStandingDecision, loadStatementPdf } from "../loaders"
import type { StatementPeriod } from "../../lib/statement"
import { onlinePayment } from "./online-payment"
import { renderPortalMessage } from "./portal-pages"
import { localizeMessage } from "../../lib/i18n"
import { requestLocale, requestT } from "./request-locale"

type PdfFace = "page" | "store" | "admin"

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
 * An invoice PDF with "How to pay": the owner's payment instructions (with or without Stripe) and,
 * when the portal offers Pay Now for it, the link to the invoice's page, where Pay Now is.
 */
async function withHowToPay(
  req: MedusaRequest,
  data: PdfDocumentData,
  id: string,
  settings: ModulePortalSettings
): Promise<PdfDocumentData> {
  if (data.kind !== "invoice" || !invoicePdfAsksForPayment(data)) {
    return data
  }
  const payment = await onlinePayment(req, { status: data.status!, total: data.total, amount_paid: data.amount_paid ?? 0 })
  const portalUrl = req.scope.resolve<PortalModuleService>(PORTAL_MODULE).getPortalUrl()
  return {
    ...data,
    payment_instructions: settings.payment_instructions,
    pay_url: payment.available ? `${portalUrl}/portal/invoices/${id}` : null,
  }
}

/**
 * An AbortSignal that aborts when the response's connection closes before the response was sent:
 * the client gave up (a closed tab, a timeout), and nobody will read the PDF.
 */
function clientLeftSignal(res: MedusaResponse) {
  const controller = new AbortController()
  const onClose = () => {
    if (!res.writableFinished) {
      controller.abort()
    }
  }
  res.once("close", onClose)
  return { signal: controller.signal, done: () => res.off("close", onClose) }
}

/**
 * The PDF rendered in the worker pool, or null once a 503 with Retry-After has been sent because
 * every thread is busy and the queue is full: a branded page on the portal pages, Medusa's
 * `{ type, message }` on the JSON routes. Under load that is an answer, not an error to log. Also
 * null, with nothing sent, when the client left while its PDF waited for a thread: the render is
 * dropped, so the place in the queue goes to a customer who is still waiting.
 */
async function renderOrRefuse(
  req: MedusaRequest,
  res: MedusaResponse,
  face: PdfFace,
  data: PdfDocumentData,
  settings: ModulePortalSettings
): Promise<Buffer | null> {
  const clientLeft = clientLeftSignal(res)
  try {
    // The customer's language on their faces; the owner's download stays in the admin's (English).
    const locale = face === "admin" ? undefined : await requestLocale(req)
    return await req.scope
      .resolve<PortalModuleService>(PORTAL_MODULE)
      .renderDocumentPdf(data, settings, { locale, signal: clientLeft.signal })
  } catch (error) {
    if (isPdfRenderCancelled(error)) {
      return null
    }
    if (!isPdfRendererBusy(error)) {
      throw error
    }
    const seconds = error.retryAfterSeconds
    res.setHeader("Retry-After", String(seconds))
    if (face === "page") {
      const t = await requestT(req)
      await renderPortalMessage(req, res, 503, {
        title: t("msg.pdf_busy.title"),
        paragraphs: [t("msg.pdf_busy.body", { wait: t("msg.wait.seconds", { count: seconds }) })],
        link: { url: req.path.replace(/\/pdf$/, ""), label: t("msg.pdf_busy.back") },
      })
    } else {
      res.status(503).json({
        type: "service_unavailable",
        // A customer reads it in their language (the catalog's error.pdf.*); an owner in English.
        message: face === "admin" ? error.message : localizeMessage(error.message, await requestT(req)),
      })
    }
    return null
  } finally {
    clientLeft.done()
  }
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
  const data = await withHowToPay(
    req,
    kind === "invoice"
      ? invoicePdfData(serializePortalInvoiceDetail(document as never), customer)
      : estimatePdfData(serializePortalEstimateDetail(document as never), customer, await loadStandingDecision(req.scope, document)),
    document.id,
    settings
  )
  const pdf = await renderOrRefuse(req, res, "admin", data, settings)
  if (pdf) {
    sendPdf(res, data, pdf)
  }
}

/** The PDF of one of the signed-in customer's documents (the loader's data); the download is logged. */
export async function sendDocumentPdf(
  req: MedusaRequest,
  res: MedusaResponse,
  kind: "invoice" | "estimate",
  customerId: string,
  via: "page" | "store"
) {
  const portal = req.scope.resolve<PortalModuleService>(PORTAL_MODULE)
  const [loaded, settings] = await Promise.all([
    loadDocumentPdf(req.scope, customerId, { kind, id: req.params.id, settings: requestSettings(req) }),
    // The copy the session check read: no second settings read on a customer's request.
    requestSettings(req),
  ])
  const data = await withHowToPay(req, loaded, req.params.id, settings)
  const pdf = await renderOrRefuse(req, res, via, data, settings)
  if (!pdf) {
    return
  }
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

/** The signed-in customer's statement PDF for a validated period (not logged: it is a view of figures, not a document). */
export async function sendStatementPdf(req: MedusaRequest, res: MedusaResponse, customerId: string, period: StatementPeriod, via: "page" | "store") {
  // The entries' words come from the serializer, in the language the PDF's own headings use.
  const [data, settings] = await Promise.all([loadStatementPdf(req.scope, customerId, period, await requestT(req)), requestSettings(req)])
  const pdf = await renderOrRefuse(req, res, via, data, settings)
  if (pdf) {
    sendPdf(res, data, pdf)
  }
}
