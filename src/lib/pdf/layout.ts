import PDFDocument from "pdfkit"
import type { ResolvedBranding } from "../email/branding"
import { statusBadgeColors } from "./status-colors"
import { toWinAnsi } from "./win-ansi"
import { type Translate, translator } from "../i18n/translate"

/*
 * The page furniture both templates share: header, parties, tables that break across pages,
 * totals, text sections, and the footer drawn once the page count is known. All drawn text
 * goes through write()/measure(), so nothing reaches Helvetica without toWinAnsi().
 */

const MARGIN = { top: 56, bottom: 64, left: 50, right: 50 }
const FONT = "Helvetica"
const BOLD = "Helvetica-Bold"
const COLOR = { text: "#111827", muted: "#6b7280", rule: "#e5e7eb", band: "#f3f4f6" }
const CELL_PAD_X = 4
const CELL_PAD_Y = 6
const TABLE_HEADER_HEIGHT = 20

/** The seller block under the business name: address lines, then "Tax ID …". */
export type SellerBlock = { lines: string[] }

export type Layout = {
  doc: PDFKit.PDFDocument
  brand: ResolvedBranding
  seller: SellerBlock
  /** "Invoice INV-0001": repeated at the top of every page after the first. */
  heading: string
  left: number
  right: number
  width: number
  /** Resolves with the whole file once finishLayout() has ended the document. */
  output: Promise<Buffer>
  /** The document's language (footer words). */
  t: Translate
}

type TextStyle = { font?: string; size?: number; color?: string }

function style(doc: PDFKit.PDFDocument, { font = FONT, size = 9, color = COLOR.text }: TextStyle) {
  doc.font(font).fontSize(size).fillColor(color)
}

function write(doc: PDFKit.PDFDocument, text: string, x: number, y: number, options: PDFKit.Mixins.TextOptions) {
  doc.text(toWinAnsi(text), x, y, options)
}

function measure(doc: PDFKit.PDFDocument, text: string, options: PDFKit.Mixins.TextOptions): number {
  return text ? doc.heightOfString(toWinAnsi(text), options) : 0
}

/** Bottom of the writable area; the footer lives below it. */
function bottom(doc: PDFKit.PDFDocument) {
  return doc.page.height - doc.page.margins.bottom
}

function ensureSpace(layout: Layout, height: number): boolean {
  if (layout.doc.y + height <= bottom(layout.doc)) {
    return false
  }
  layout.doc.addPage()
  return true
}

export function createLayout(
  brand: ResolvedBranding,
  heading: string,
  creationDate: Date,
  seller: SellerBlock = { lines: [] },
  t: Translate = translator("en")
): Layout {
  const doc = new PDFDocument({
    size: "A4",
    margins: MARGIN,
    // Footers say "Page 1 of N": pages stay in memory until N is known.
    bufferPages: true,
    displayTitle: true,
    // The file ID is a hash of `info`: a fixed CreationDate makes two renders byte-identical.
    info: { Title: heading, Author: brand.name, Creator: "medusa-plugin-customer-portal", CreationDate: creationDate },
  })
  const chunks: Buffer[] = []
  doc.on("data", (chunk: Buffer) => chunks.push(chunk))
  const output = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)))
    doc.on("error", reject)
  })
  const width = doc.page.width - MARGIN.left - MARGIN.right
  return { doc, brand, seller, heading, left: MARGIN.left, right: MARGIN.left + width, width, output, t }
}

/**
 * Business name and the seller block (address, tax id) over an accent rule, then the document
 * title with its status badge, coloured by `tone` (the display status).
 */
export function drawHeader(layout: Layout, { title, status, tone }: { title: string; status: string; tone?: string | null }) {
  const { doc, brand, left, width } = layout
  let y = doc.page.margins.top
  style(doc, { font: BOLD, size: 16 })
  // At most two lines: a pasted paragraph in the settings must not push the document down.
  write(doc, brand.name, left, y, { width, height: 40, ellipsis: true })
  // Capped too (6 lines): an address pasted as an essay stays a header.
  const sellerLines = layout.seller.lines.slice(0, 6)
  if (sellerLines.length) {
    style(doc, { size: 8.5, color: COLOR.muted })
    let lineY = doc.y + 3
    for (const line of sellerLines) {
      write(doc, line, left, lineY, { width, height: 11, ellipsis: true })
      lineY = doc.y
    }
  }
  y = doc.y + 6
  doc.rect(left, y, width, 2.5).fill(brand.accent_color)
  y += 18

  style(doc, { font: BOLD, size: 9 })
  const badgeWidth = Math.min(doc.widthOfString(toWinAnsi(status)) + 16, width / 3)
  // Title before badge, so copied or extracted text reads "Invoice INV-0001 Paid".
  style(doc, { font: BOLD, size: 20 })
  write(doc, title, left, y, { width: width - badgeWidth - 12, height: 50, ellipsis: true })
  const below = doc.y + 16

  const badge = statusBadgeColors(tone, { fill: brand.accent_color, text: brand.accent_text_color })
  doc.roundedRect(layout.right - badgeWidth, y + 2, badgeWidth, 18, 4).fill(badge.fill)
  style(doc, { font: BOLD, size: 9, color: badge.text })
  write(doc, status, layout.right - badgeWidth, y + 7, { width: badgeWidth, align: "center", height: 11, ellipsis: true })
  doc.x = left
  doc.y = below
}

export type PartyBlock = { heading: string; name: string; lines: string[] }

/** Who the document is for (left) and its dates (right, label / value pairs). */
export function drawParties(layout: Layout, party: PartyBlock, facts: [label: string, value: string][]) {
  const { doc, left, width } = layout
  const top = doc.y
  const partyWidth = width * 0.55
  style(doc, { font: BOLD, size: 8, color: COLOR.muted })
  write(doc, party.heading.toUpperCase(), left, top, { width: partyWidth })
  style(doc, { font: BOLD, size: 10 })
  write(doc, party.name, left, doc.y + 3, { width: partyWidth })
  style(doc, { size: 9 })
  for (const line of party.lines) {
    write(doc, line, left, doc.y + 1, { width: partyWidth })
  }
  const partyBottom = doc.y

  const factsLeft = left + width * 0.6
  const factsWidth = width * 0.4
  let y = top
  for (const [label, value] of facts) {
    style(doc, { color: COLOR.muted })
    write(doc, label, factsLeft, y, { width: factsWidth * 0.45 })
    style(doc, { font: BOLD })
    write(doc, value, factsLeft + factsWidth * 0.45, y, { width: factsWidth * 0.55, align: "right" })
    y = Math.max(y + 14, doc.y + 3)
  }
  doc.x = left
  doc.y = Math.max(partyBottom, y) + 22
}

export type TableColumn = {
  header: string
  width: number
  align?: "left" | "right"
  /** Amounts and quantities: shrink the font (down to 6pt) rather than split the number over two lines. */
  fit?: boolean
}
/** A plain value, or a bold title with a smaller muted detail under it (line descriptions). */
export type TableCell = string | { title: string; detail?: string }

function drawTableHeader(layout: Layout, columns: TableColumn[]) {
  const { doc, left, width } = layout
  const y = doc.y
  doc.rect(left, y, width, TABLE_HEADER_HEIGHT).fill(COLOR.band)
  style(doc, { font: BOLD, size: 8, color: COLOR.muted })
  let x = left
  for (const column of columns) {
    write(doc, column.header, x + CELL_PAD_X, y + 6.5, {
      width: column.width - 2 * CELL_PAD_X,
      align: column.align ?? "left",
      height: 10,
      ellipsis: true,
    })
    x += column.width
  }
  doc.y = y + TABLE_HEADER_HEIGHT
}

function fittingSize(doc: PDFKit.PDFDocument, text: string, width: number, size = 9): number {
  doc.fontSize(size)
  const natural = doc.widthOfString(toWinAnsi(text))
  return natural <= width ? size : Math.max(6, Math.floor(((size * width) / natural) * 10) / 10)
}

function cellHeights(doc: PDFKit.PDFDocument, cell: TableCell, width: number, column: TableColumn) {
  if (typeof cell === "string") {
    style(doc, { size: column.fit ? fittingSize(doc, cell, width) : 9 })
    return { title: measure(doc, cell, { width }), detail: 0 }
  }
  style(doc, { font: BOLD })
  const title = measure(doc, cell.title, { width })
  style(doc, { size: 8 })
  return { title, detail: cell.detail ? 2 + measure(doc, cell.detail, { width }) : 0 }
}

function drawCell(
  doc: PDFKit.PDFDocument,
  cell: TableCell,
  x: number,
  y: number,
  width: number,
  height: number,
  column: TableColumn
) {
  const align = column.align ?? "left"
  // `height` stops the text at the row's bottom (with an ellipsis) instead of letting pdfkit
  // start a page in the middle of a row.
  if (typeof cell === "string") {
    style(doc, { size: column.fit ? fittingSize(doc, cell, width) : 9 })
    write(doc, cell, x, y, { width, align, height, ellipsis: true })
    return
  }
  style(doc, { font: BOLD })
  write(doc, cell.title, x, y, { width, align, height, ellipsis: true })
  const left = y + height - doc.y - 2
  if (cell.detail && left >= 8) {
    style(doc, { size: 8, color: COLOR.muted })
    write(doc, cell.detail, x, doc.y + 2, { width, align, height: left, ellipsis: true })
  }
}

/**
 * A table that starts a new page whenever the next row does not fit, repeating the header
 * there. A row taller than a whole page (an essay in a description) is clipped with an
 * ellipsis rather than split, so every page keeps whole rows.
 */
export function drawTable(layout: Layout, columns: TableColumn[], rows: TableCell[][]) {
  const { doc, left, width } = layout
  ensureSpace(layout, TABLE_HEADER_HEIGHT + 30)
  drawTableHeader(layout, columns)
  const pageCapacity = bottom(doc) - doc.page.margins.top - TABLE_HEADER_HEIGHT - 2 * CELL_PAD_Y

  for (const row of rows) {
    const inner = columns.map((column) => column.width - 2 * CELL_PAD_X)
    const content = Math.min(
      pageCapacity,
      Math.max(...row.map((cell, i) => {
        const h = cellHeights(doc, cell, inner[i], columns[i])
        return h.title + h.detail
      }))
    )
    const rowHeight = content + 2 * CELL_PAD_Y
    if (ensureSpace(layout, rowHeight)) {
      drawTableHeader(layout, columns)
    }
    const top = doc.y
    let x = left
    row.forEach((cell, i) => {
      // +1: heightOfString and the wrapper round differently; without it a last line can vanish.
      drawCell(doc, cell, x + CELL_PAD_X, top + CELL_PAD_Y, inner[i], content + 1, columns[i])
      x += columns[i].width
    })
    doc.moveTo(left, top + rowHeight).lineTo(left + width, top + rowHeight).lineWidth(0.5).stroke(COLOR.rule)
    doc.x = left
    doc.y = top + rowHeight
  }
  doc.y += 12
}

export type TotalsRow = { label: string; value: string; strong?: boolean; ruleAbove?: boolean }

/** Right-aligned label / amount pairs, kept together on one page. */
export function drawTotals(layout: Layout, rows: TotalsRow[]) {
  const { doc } = layout
  const blockWidth = Math.min(260, layout.width / 2)
  const x = layout.right - blockWidth
  ensureSpace(layout, rows.length * 20 + 8)
  for (const row of rows) {
    if (row.ruleAbove) {
      doc.moveTo(x, doc.y).lineTo(layout.right, doc.y).lineWidth(0.75).stroke(COLOR.rule)
      doc.y += 5
    }
    const y = doc.y
    style(doc, row.strong ? { font: BOLD, size: 11 } : { size: 9.5, color: COLOR.muted })
    write(doc, row.label, x, y, { width: blockWidth * 0.45 })
    style(doc, row.strong ? { font: BOLD, size: 11 } : { size: 9.5 })
    write(doc, row.value, x + blockWidth * 0.45, y, { width: blockWidth * 0.55, align: "right" })
    doc.y = Math.max(doc.y, y + 14) + 4
  }
  doc.x = layout.left
  doc.y += 14
}

/** A bold heading, kept on the same page as at least the start of what follows. */
export function drawSectionHeading(layout: Layout, heading: string, keepWith = 40) {
  const { doc } = layout
  ensureSpace(layout, 18 + keepWith)
  style(doc, { font: BOLD, size: 11 })
  write(doc, heading, layout.left, doc.y, { width: layout.width })
  doc.y += 6
}

/**
 * A heading and free text that flows onto as many pages as it needs, optionally followed by a
 * clickable link ("Pay online: https://…", the address printed so paper readers can type it).
 */
export function drawTextSection(layout: Layout, heading: string, body: string, link?: { label: string; url: string }) {
  const { doc } = layout
  drawSectionHeading(layout, heading)
  if (body) {
    style(doc, {})
    write(doc, body, layout.left, doc.y, { width: layout.width, lineGap: 2 })
  }
  if (link) {
    style(doc, { font: BOLD })
    write(doc, `${link.label} `, layout.left, doc.y + (body ? 6 : 0), { width: layout.width, continued: true })
    style(doc, { color: layout.brand.accent_color })
    doc.text(toWinAnsi(link.url), { link: link.url, underline: true })
  }
  doc.y += 16
}

/**
 * Drawn last, on every page: the running heading (from page 2 on) and the footer with the
 * support address and "Page i of n". The bottom margin is lifted while writing so pdfkit
 * does not answer text below it with a new page.
 */
function drawPageChrome(layout: Layout) {
  const { doc, brand, left, width } = layout
  const { start, count } = doc.bufferedPageRange()
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i)
    const page = doc.page
    const margin = page.margins.bottom
    page.margins.bottom = 0
    if (i > start) {
      style(doc, { size: 8, color: COLOR.muted })
      write(doc, `${brand.name} · ${layout.heading}`, left, 28, { width, height: 10, ellipsis: true })
    }
    const y = page.height - 42
    doc.moveTo(left, y - 8).lineTo(left + width, y - 8).lineWidth(0.5).stroke(COLOR.rule)
    style(doc, { size: 8, color: COLOR.muted })
    if (brand.support_email) {
      write(doc, layout.t("pdf.questions", { email: brand.support_email }), left, y, { width: width - 90, height: 10, ellipsis: true })
    }
    write(doc, layout.t("pdf.page", { page: i - start + 1, count }), left + width - 90, y, { width: 90, align: "right", height: 10 })
    page.margins.bottom = margin
  }
}

export function finishLayout(layout: Layout): Promise<Buffer> {
  drawPageChrome(layout)
  layout.doc.end()
  return layout.output
}
