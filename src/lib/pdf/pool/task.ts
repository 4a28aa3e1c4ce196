import type { PdfBranding, PdfDocumentData, PdfRenderOptions } from "../types"

/*
 * What crosses the thread boundary: plain structured-clone data in, the file's bytes out (moved,
 * not copied). Errors cross as { type, message } because a MedusaError's type would not survive
 * the clone.
 */

export type PdfRenderTask = {
  data: PdfDocumentData
  branding: PdfBranding | null
  options: PdfRenderOptions
}

export type PdfRenderReply =
  | { ok: true; pdf: Uint8Array; thread_id: number }
  | { ok: false; error: { type: string | null; message: string } }

/** What every thread of the pool is started with (piscina's workerData). */
export type PdfWorkerData = { niceIncrement: number }
