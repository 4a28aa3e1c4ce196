import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { pdfFileName, PdfCustomer, PdfDocumentData, renderDocumentPdf } from "../../lib/pdf"
import { serializePortalEstimateDetail, serializePortalInvoiceDetail } from "../../lib/serializers"
import { PORTAL_MODULE } from "../../modules/portal"
import { PortalEventActor, PortalEventType } from "../../modules/portal/constants"
import type PortalModuleService from "../../modules/portal/service"
import { loadPortalCustomer } from "./portal-profile"

/**
 * The PDF of one of the signed-in customer's documents. Built from the same customer-facing
 * serializers as the pages, so the PDF cannot show what the portal does not.
 */
export async function sendDocumentPdf(
  req: MedusaRequest,
  res: MedusaResponse,
  kind: "invoice" | "estimate",
  customerId: string,
  via: "page" | "store"
) {
  const portal = req.scope.resolve<PortalModuleService>(PORTAL_MODULE)
  const [customer, settings] = await Promise.all([loadPortalCustomer(req, customerId), portal.retrieveSettings()])
  const billTo = toPdfCustomer(customer)

  let data: PdfDocumentData
  if (kind === "invoice") {
    const invoice = serializePortalInvoiceDetail(await portal.retrieveCustomerInvoice(customerId, req.params.id))
    data = {
      kind,
      number: invoice.number ?? invoice.id,
      status_label: invoice.status_label,
      issue_date: invoice.issue_date,
      due_date: invoice.due_date,
      currency_code: invoice.currency_code,
      customer: billTo,
      lines: invoice.lines.map((l) => ({ ...l, total: l.subtotal })),
      subtotal: invoice.subtotal,
      tax_total: invoice.tax_total,
      total: invoice.total,
      amount_paid: invoice.amount_paid,
      open_amount: invoice.open_amount,
      payments: invoice.payments,
      notes: invoice.notes,
    }
  } else {
    const estimate = serializePortalEstimateDetail(await portal.retrieveCustomerEstimate(customerId, req.params.id))
    data = {
      kind,
      number: estimate.number ?? estimate.id,
      status_label: estimate.status_label,
      issue_date: estimate.issue_date,
      valid_until: estimate.valid_until,
      currency_code: estimate.currency_code,
      customer: billTo,
      lines: estimate.lines.map((l) => ({ ...l, total: l.subtotal })),
      subtotal: estimate.subtotal,
      tax_total: estimate.tax_total,
      total: estimate.total,
      notes: estimate.notes,
    }
  }

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

function toPdfCustomer(customer: Awaited<ReturnType<typeof loadPortalCustomer>>): PdfCustomer {
  const name = [customer.first_name, customer.last_name].filter(Boolean).join(" ") || customer.email || "Customer"
  const a = customer.address
  const addressLines = a
    ? [a.address_1, a.address_2, [a.postal_code, a.city].filter(Boolean).join(" "), a.province, a.country_code?.toUpperCase()].filter(
        (line): line is string => Boolean(line)
      )
    : []
  return { name, email: customer.email, company: customer.company_name, address_lines: addressLines }
}
