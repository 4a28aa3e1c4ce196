import type { StoreEstimateDetail, StoreInvoiceDetail, StorePortalCustomer } from "../serializers"
import type { PdfEstimateDecision } from "./decision-section"
import type { PdfCustomer, PdfEstimateData, PdfInvoiceData } from "./types"

/**
 * PDF data from the customer-facing serializers' output, so a PDF can never print what the
 * portal does not show.
 */
export function pdfCustomer(customer: StorePortalCustomer): PdfCustomer {
  const name = [customer.first_name, customer.last_name].filter(Boolean).join(" ") || customer.email || "Customer"
  const a = customer.address
  const addressLines = a
    ? [a.address_1, a.address_2, [a.postal_code, a.city].filter(Boolean).join(" "), a.province, a.country_code?.toUpperCase()]
    : []
  return {
    name,
    email: customer.email,
    company: customer.company_name,
    address_lines: addressLines.filter((line): line is string => Boolean(line)),
  }
}

export function invoicePdfData(invoice: StoreInvoiceDetail, customer: StorePortalCustomer): PdfInvoiceData {
  return {
    kind: "invoice",
    number: invoice.number ?? invoice.id,
    status_label: invoice.status_label,
    issue_date: invoice.issue_date,
    due_date: invoice.due_date,
    currency_code: invoice.currency_code,
    customer: pdfCustomer(customer),
    lines: invoice.lines.map((l) => ({ ...l, total: l.subtotal })),
    subtotal: invoice.subtotal,
    tax_total: invoice.tax_total,
    total: invoice.total,
    amount_paid: invoice.amount_paid,
    open_amount: invoice.open_amount,
    payments: invoice.payments,
    notes: invoice.notes,
  }
}

export function estimatePdfData(
  estimate: StoreEstimateDetail,
  customer: StorePortalCustomer,
  decision: PdfEstimateDecision | null = null
): PdfEstimateData {
  return {
    kind: "estimate",
    number: estimate.number ?? estimate.id,
    status_label: estimate.status_label,
    issue_date: estimate.issue_date,
    valid_until: estimate.valid_until,
    currency_code: estimate.currency_code,
    customer: pdfCustomer(customer),
    lines: estimate.lines.map((l) => ({ ...l, total: l.subtotal })),
    subtotal: estimate.subtotal,
    tax_total: estimate.tax_total,
    total: estimate.total,
    notes: estimate.notes,
    decision,
  }
}
