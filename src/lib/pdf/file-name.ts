import type { PdfDocumentData, PdfStatementData } from "./types"

/**
 * "INV-0001.pdf": the display number reduced to [A-Za-z0-9._-] so it is safe in a
 * Content-Disposition header and on any file system ("Facture n°7/é" → "Facture-n-7-e.pdf").
 */
export function pdfFileName(
  data: Pick<Exclude<PdfDocumentData, PdfStatementData>, "kind" | "number"> | Pick<PdfStatementData, "kind" | "period">
): string {
  if (data?.kind === "statement") {
    // Both days are YYYY-MM-DD (validated before anything is read): safe as they are.
    return `statement-${data.period.from}-to-${data.period.to}.pdf`.replace(/[^A-Za-z0-9._-]/g, "")
  }
  const base = String(data?.number ?? "")
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .replace(/-{2,}/g, "-")
    // No leading dot (hidden file) or dash (read as an option); no trailing dot before ".pdf".
    .replace(/^[.-]+|[.-]+$/g, "")
    .slice(0, 100)
  return `${base || (data?.kind === "estimate" ? "estimate" : "invoice")}.pdf`
}
