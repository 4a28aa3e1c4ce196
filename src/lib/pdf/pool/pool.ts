import path from "path"
import { performance } from "perf_hooks"
import { Piscina } from "piscina"
import { MedusaError } from "@medusajs/framework/utils"
import type { PdfPoolConfig } from "./options"
import type { PdfRenderReply, PdfRenderTask, PdfWorkerData } from "./task"

const BUSY = "PDF_RENDERER_BUSY"
const CANCELLED = "PDF_RENDER_CANCELLED"
/** Idle threads beyond the first retire after this long (a thread costs ~100 MB and ~1 s to start). */
const IDLE_TIMEOUT_MS = 60_000
const MAX_RETRY_AFTER_SECONDS = 30

/** "1 second", "5 seconds": how the busy answers word Retry-After. */
export function secondsText(seconds: number): string {
  return `${seconds} second${seconds === 1 ? "" : "s"}`
}

/** Every thread is rendering and the queue is full: answer 503 with Retry-After, never wait unbounded. */
export class PdfRendererBusyError extends Error {
  readonly code = BUSY
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many PDFs are being prepared right now; try again in ${secondsText(retryAfterSeconds)}`)
    this.name = "PdfRendererBusyError"
  }
}

/** By code rather than instanceof: jest's module registries may hold more than one copy of the class. */
export function isPdfRendererBusy(error: unknown): error is PdfRendererBusyError {
  return (error as { code?: unknown } | null)?.code === BUSY
}

/** The render's requester left (its signal aborted) before a thread took it: nothing was rendered. */
export class PdfRenderCancelledError extends Error {
  readonly code = CANCELLED
  constructor() {
    super("The PDF was no longer wanted: its request ended before rendering started")
    this.name = "PdfRenderCancelledError"
  }
}

export function isPdfRenderCancelled(error: unknown): error is PdfRenderCancelledError {
  return (error as { code?: unknown } | null)?.code === CANCELLED
}

const shutDown = () => new MedusaError(MedusaError.Types.UNEXPECTED_STATE, "The PDF renderer has been shut down")

export type PdfRenderResult = { pdf: Buffer; threadId: number }

type PoolLogger = { error(message: string): void }

/**
 * The worker beside this file: compiled JavaScript after a build (`.medusa/server`, the installed
 * plugin), or the TypeScript source (jest, `medusa develop`), which a worker thread cannot load by
 * itself — it inherits neither jest's transform nor the CLI's ts-node hook — so it registers
 * ts-node as Medusa's CLI does (the project's tsconfig.json, which selects swc).
 */
export function pdfWorkerEntry(file = __filename): { filename: string; execArgv?: string[] } {
  const extension = path.extname(file)
  const filename = path.join(path.dirname(file), `render-worker${extension}`)
  if (extension !== ".ts") {
    return { filename }
  }
  // Only --require: the parent's V8 flags (jest's --max-old-space-size) are refused in a worker.
  return { filename, execArgv: ["--require", require.resolve("ts-node/register/transpile-only")] }
}

type Waiter = { start: () => void; cancel: (error: Error) => void }

/**
 * A bounded pool of worker threads rendering PDFs (piscina). At most `threads` render at once and
 * `maxQueue` wait; one more is refused at once with PdfRendererBusyError. The waiting line is
 * kept here rather than in piscina, whose own limit also counts threads still starting, and so
 * that a render whose request has ended (its `signal` aborted: the client left) leaves the line
 * instead of holding a place that a waiting customer needs. Piscina would cancel a running task
 * only by ending its thread, so a render that has started finishes.
 */
export class PdfRenderPool {
  private piscina: Piscina | null = null
  private running = 0
  private readonly waiting: Waiter[] = []
  private closed = false
  /** Recent time from submit to result (ms), for Retry-After: about when a slot will be free. */
  private recentMs = 1000

  constructor(readonly config: PdfPoolConfig, private readonly logger: PoolLogger = console) {}

  /** Renders waiting or running now. */
  get pending() {
    return this.running + this.waiting.length
  }

  async render(task: PdfRenderTask, signal?: AbortSignal): Promise<PdfRenderResult> {
    if (this.closed) {
      throw shutDown()
    }
    if (signal?.aborted) {
      throw new PdfRenderCancelledError()
    }
    if (this.pending >= this.config.threads + this.config.maxQueue) {
      throw new PdfRendererBusyError(this.retryAfterSeconds())
    }
    const started = performance.now()
    await this.takeThread(signal)
    let reply: PdfRenderReply
    try {
      reply = await this.workers().run(task)
    } finally {
      this.running--
      this.waiting.shift()?.start()
      this.recentMs = 0.7 * this.recentMs + 0.3 * (performance.now() - started)
    }
    if (!reply.ok) {
      // Rebuilt so the route answers as before (INVALID_DATA stays a 400 naming the field).
      throw reply.error.type ? new MedusaError(reply.error.type, reply.error.message) : new Error(reply.error.message)
    }
    return { pdf: Buffer.from(reply.pdf.buffer, reply.pdf.byteOffset, reply.pdf.byteLength), threadId: reply.thread_id }
  }

  retryAfterSeconds(): number {
    return Math.min(MAX_RETRY_AFTER_SECONDS, Math.max(1, Math.ceil(this.recentMs / 1000)))
  }

  /** Resolves once a thread is this render's (first come, first served); rejects if `signal` aborts first. */
  private takeThread(signal?: AbortSignal): Promise<void> {
    if (this.running < this.config.threads && !this.waiting.length) {
      this.running++
      return Promise.resolve()
    }
    return new Promise<void>((resolve, reject) => {
      const leave = () => {
        const at = this.waiting.indexOf(waiter)
        if (at >= 0) {
          this.waiting.splice(at, 1)
        }
      }
      const onAbort = () => {
        leave()
        reject(new PdfRenderCancelledError())
      }
      const waiter: Waiter = {
        start: () => {
          signal?.removeEventListener("abort", onAbort)
          this.running++
          resolve()
        },
        cancel: (error) => {
          signal?.removeEventListener("abort", onAbort)
          reject(error)
        },
      }
      signal?.addEventListener("abort", onAbort, { once: true })
      this.waiting.push(waiter)
    })
  }

  /** Ends the threads; renders still running or waiting are rejected. */
  async destroy() {
    this.closed = true
    this.waiting.splice(0).forEach((waiter) => waiter.cancel(shutDown()))
    const piscina = this.piscina
    this.piscina = null
    await piscina?.destroy()
  }

  private workers(): Piscina {
    if (!this.piscina) {
      const piscina = new Piscina({
        ...pdfWorkerEntry(),
        // One thread stays warm; more start under load and retire when idle.
        minThreads: 1,
        maxThreads: this.config.threads,
        idleTimeout: IDLE_TIMEOUT_MS,
        // Not piscina's own niceIncrement: it needs an optional native module and, off Linux, nices the whole process.
        workerData: { niceIncrement: this.config.niceIncrement ?? 0 } satisfies PdfWorkerData,
      })
      // A thread that dies outside a task (it failed to start): without a listener the process would crash.
      piscina.on("error", (error: Error) => this.logger.error(`PDF worker failed: ${error?.message ?? error}`))
      this.piscina = piscina
    }
    return this.piscina
  }
}
