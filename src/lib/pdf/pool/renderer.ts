import type { PdfBranding, PdfDocumentData, PdfRenderOptions } from "../types"
import type { PdfPoolConfig } from "./options"
import { isPdfRendererBusy, PdfRenderPool } from "./pool"
import { acquirePdfRenderPool, releasePdfRenderPool } from "./shared"

/** How long background work (a receipt's attachment) keeps retrying a busy pool before failing. */
const PATIENCE_MS = 120_000

export type RenderPdfOptions = PdfRenderOptions & {
  /**
   * Wait for a free slot instead of failing with PdfRendererBusyError: for work no customer is
   * waiting on (emails). Requests leave it off and answer 503 + Retry-After.
   */
  waitWhenBusy?: boolean
  /** Aborted when nobody wants the PDF any more (the request's client left): a render still waiting for a thread is dropped. */
  signal?: AbortSignal
}

/** Only the branding crosses to the worker, not the whole settings row. */
export function pdfBranding(settings: PdfBranding | null | undefined): PdfBranding | null {
  if (!settings) {
    return null
  }
  const { business_name, logo_url, accent_color, support_email, business_address, tax_id } = settings
  return { business_name, logo_url, accent_color, support_email, business_address, tax_id }
}

/**
 * What the Portal module renders PDFs with: the process's shared pool for its configuration,
 * taken on the first render (a process that never renders starts no thread) and given back on
 * shutdown.
 */
export class PdfRenderer {
  private pool: PdfRenderPool | null = null
  private closed = false

  constructor(readonly config: PdfPoolConfig, private readonly logger?: { error(message: string): void }) {}

  async render(data: PdfDocumentData, branding: PdfBranding | null | undefined, options: RenderPdfOptions = {}): Promise<Buffer> {
    const { waitWhenBusy, signal, ...renderOptions } = options
    const task = { data, branding: pdfBranding(branding), options: renderOptions }
    const giveUpAt = Date.now() + PATIENCE_MS
    for (;;) {
      try {
        return (await this.acquire().render(task, signal)).pdf
      } catch (error) {
        const waitMs = isPdfRendererBusy(error) ? error.retryAfterSeconds * 1000 : 0
        if (!waitWhenBusy || !waitMs || Date.now() + waitMs > giveUpAt) {
          throw error
        }
        await new Promise((resolve) => setTimeout(resolve, waitMs))
      }
    }
  }

  async close() {
    this.closed = true
    const pool = this.pool
    this.pool = null
    if (pool) {
      await releasePdfRenderPool(pool)
    }
  }

  private acquire(): PdfRenderPool {
    if (this.closed) {
      // The module is shutting down: no new threads.
      throw new Error("The PDF renderer has been shut down")
    }
    this.pool ??= acquirePdfRenderPool(this.config, this.logger)
    return this.pool
  }
}
