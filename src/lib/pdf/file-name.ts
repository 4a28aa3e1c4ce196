import type { PdfDocumentData } from "./types"

/**
 * "INV-0001.pdf": the display number reduced to [A-Za-z0-9._-] so it is safe in a
 * Content-Disposition header and on any file system ("Facture n°7/é" → "Facture-n-7-e.pdf").
 */
export function pdfFileName(data: Pick<PdfDocumentData, "kind" | "number">): string {
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
