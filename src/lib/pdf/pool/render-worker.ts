import { Piscina } from "piscina"
import { threadId } from "worker_threads"
import { renderDocumentPdf } from "../render"
import type { PdfRenderReply, PdfRenderTask, PdfWorkerData } from "./task"
import { lowerThreadPriority } from "./thread-priority"

// Once per thread, before its first task: rendering yields the CPU to the event loop (and the
// database on the same machine) whenever both want it. See PdfPoolOptions.niceIncrement.
lowerThreadPriority((Piscina.workerData as PdfWorkerData | undefined)?.niceIncrement ?? 0)

/**
 * Runs in a worker thread of the PDF pool (./pool.ts): renders one document with pdfkit, away
 * from the event loop that serves every other request.
 */
export default async function renderPdfTask({ data, branding, options }: PdfRenderTask) {
  let pdf: Buffer
  try {
    pdf = await renderDocumentPdf(data, branding, options)
  } catch (e) {
    const error = e as { type?: unknown; message?: unknown }
    const reply: PdfRenderReply = {
      ok: false,
      error: { type: typeof error?.type === "string" ? error.type : null, message: String(error?.message ?? e) },
    }
    return reply
  }
  // Small Buffers share Node's slab: only a buffer of its own may be handed over (moved, not copied).
  const bytes = pdf.byteOffset === 0 && pdf.byteLength === pdf.buffer.byteLength ? pdf : Uint8Array.prototype.slice.call(pdf)
  const reply: PdfRenderReply = { ok: true, pdf: bytes, thread_id: threadId }
  // Piscina's Transferable: the reply is posted with its bytes in the transfer list.
  return Piscina.move({ [Piscina.transferableSymbol]: bytes.buffer, [Piscina.valueSymbol]: reply } as never)
}
