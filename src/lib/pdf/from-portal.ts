import { formatAddressLines } from "../address"
import { lineAmount } from "../line-amount"
import type { StoreEstimateDetail, StoreInvoiceDetail, StorePortalCustomer, StorePortalStatement } from "../serializers"
import type { PdfEstimateDecision } from "./decision-section"
import type { PdfCustomer, PdfEstimateData, PdfInvoiceData, PdfStatementData } from "./types"

/**
 * PDF data from the customer-facing serializers' output, so a PDF can never print what the
 * portal does not show.
 */
export function pdfCustomer(customer: StorePortalCustomer): PdfCustomer {
  const name = [customer.first_name, customer.last_name].filter(Boolean).join(" ") || customer.email || "Customer"
  return {
    name,
    email: customer.email,
    company: customer.company_name,
    address_lines: formatAddressLines(customer.address),
  }
}

export function invoicePdfData(invoice: StoreInvoiceDetail, customer: StorePortalCustomer): PdfInvoiceData {
  return {
    kind: "invoice",
    number: invoice.number ?? invoice.id,
    status_label: invoice.status_label,
    status: invoice.status,
    issue_date: invoice.issue_date,
    due_date: invoice.due_date,
    currency_code: invoice.currency_code,
    customer: pdfCustomer(customer),
    lines: invoice.lines.map((l) => ({ ...l, total: lineAmount(l) })),
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
    status: estimate.status,
    issue_date: estimate.issue_date,
    valid_until: estimate.valid_until,
    currency_code: estimate.currency_code,
    customer: pdfCustomer(customer),
    lines: estimate.lines.map((l) => ({ ...l, total: lineAmount(l) })),
    subtotal: estimate.subtotal,
    tax_total: estimate.tax_total,
    total: estimate.total,
    notes: estimate.notes,
    decision,
  }
}

/**
 * Whether an invoice PDF says how to pay: while something is due (unpaid, partially paid, overdue, or the owner's
 * preview of a draft), never on a paid or void one.
 */
export function invoicePdfAsksForPayment(data: PdfInvoiceData) {
  return data.status === "unpaid" || data.status === "partially_paid" || data.status === "overdue" || data.status === "draft"
}

/** The statement the portal shows, for the PDF: the same serializer output, nothing more. */
export function statementPdfData(statement: StorePortalStatement, customer: StorePortalCustomer): PdfStatementData {
  return {
    kind: "statement",
    period: statement.period,
    customer: pdfCustomer(customer),
    sections: statement.sections.map((s) => ({
      currency_code: s.currency_code,
      opening_balance: s.opening_balance,
      entries: s.entries.map((e) => ({ date: e.date, description: e.description, debit: e.debit, credit: e.credit, balance: e.balance })),
      total_debits: s.total_debits,
      total_credits: s.total_credits,
      closing_balance: s.closing_balance,
      ageing: { buckets: s.ageing.buckets.map((b) => ({ label: b.label, amount: b.amount })), total: s.ageing.total },
    })),
  }
}
