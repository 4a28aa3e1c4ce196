import type { PdfFormatter } from "./format"
import { invalidPdfData } from "./format"
import type { Layout, PartyBlock, TableCell } from "./layout"
import { drawTable, drawTextSection } from "./layout"
import { type Translate, translator } from "../i18n/translate"
import type { PdfBranding, PdfCustomer, PdfLine } from "./types"

/* Sections invoices and estimates print alike: the customer, the line items, the notes. */

export function optionalText(field: string, value: unknown): string {
  if (value === null || value === undefined) {
    return ""
  }
  if (typeof value !== "string") {
    throw invalidPdfData(`${field} must be a string, got ${JSON.stringify(value)}`)
  }
  return value.trim()
}

export function requiredText(field: string, value: unknown): string {
  const text = optionalText(field, value)
  if (!text) {
    throw invalidPdfData(`${field} is required`)
  }
  return text
}

/** The status badge in the document's language; a status the catalogs do not name keeps the caller's label. */
export function statusLabel(kind: "invoice" | "estimate", status: string | null | undefined, label: unknown, t: Translate) {
  const given = requiredText("status_label", label)
  const key = `status.${kind}.${status}`
  const translated = status ? t(key) : key
  return translated === key ? given : translated
}

/** Name (or company, or email, whichever the customer has) in bold, then the rest. */
export function customerBlock(heading: string, customer: PdfCustomer): PartyBlock {
  if (!customer || typeof customer !== "object") {
    throw invalidPdfData("customer is required")
  }
  const name = optionalText("customer.name", customer.name)
  const company = optionalText("customer.company", customer.company)
  const email = optionalText("customer.email", customer.email)
  const address = (customer.address_lines ?? []).map((line, i) => optionalText(`customer.address_lines[${i}]`, line))
  const shown = name || company || email
  if (!shown) {
    throw invalidPdfData("customer needs a name, company or email")
  }
  const lines = [shown === company ? "" : company, ...address, shown === email ? "" : email].filter(Boolean)
  return { heading, name: shown, lines }
}

export function drawLineItems(layout: Layout, lines: PdfLine[], format: PdfFormatter) {
  if (!Array.isArray(lines)) {
    throw invalidPdfData("lines must be an array")
  }
  const numbers = 280
  const columns = [
    { header: format.t("pdf.description"), width: layout.width - numbers },
    { header: format.t("pdf.qty"), width: 50, align: "right" as const, fit: true },
    { header: format.t("pdf.unit_price"), width: 80, align: "right" as const, fit: true },
    { header: format.t("pdf.tax"), width: 55, align: "right" as const, fit: true },
    { header: format.t("pdf.line_amount"), width: 95, align: "right" as const, fit: true },
  ]
  const rows: TableCell[][] = lines.map((line, i) => {
    const field = `lines[${i}]`
    if (!line || typeof line !== "object" || typeof line.title !== "string") {
      throw invalidPdfData(`${field}.title must be a string`)
    }
    return [
      { title: line.title.trim(), detail: optionalText(`${field}.description`, line.description) },
      format.quantity(`${field}.quantity`, line.quantity),
      format.money(`${field}.unit_price`, line.unit_price),
      format.taxRate(`${field}.tax_rate`, line.tax_rate),
      format.money(`${field}.total`, line.total),
    ]
  })
  drawTable(layout, columns, rows)
}

/** The seller block's lines from the settings: the address as typed, then the tax id. */
export function sellerLines(branding: PdfBranding | null | undefined, t: Translate = translator("en")): string[] {
  const address = optionalText("business_address", branding?.business_address)
  const taxId = optionalText("tax_id", branding?.tax_id)
  return [...address.split(/\r\n?|\n/).map((l) => l.trim()).filter(Boolean), taxId ? t("pdf.tax_id", { id: taxId }) : ""].filter(Boolean)
}

/** Customer-visible notes; nothing is printed when there are none. */
export function drawNotes(layout: Layout, notes: unknown) {
  const text = optionalText("notes", notes)
  if (text) {
    drawTextSection(layout, layout.t("pdf.notes"), text)
  }
}
