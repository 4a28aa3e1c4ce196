import os from "os"
import { MedusaError } from "@medusajs/framework/utils"

/** The plugin option `pdf`: how many PDFs render at once, and how many may wait. */
export type PdfPoolOptions = {
  /** Worker threads rendering PDFs. Default: one per spare core, 1 to 4 (`min(4, cores - 1)`). */
  threads?: number | string | null
  /** PDFs that may wait for a free thread; one more is answered 503. Default: threads × 32. */
  maxQueue?: number | string | null
  /**
   * How many nice steps below the app the PDF threads run (Linux; 0–19, 0 keeps the app's
   * priority). Default 10: a rendering thread yields the CPU to the event loop and to a database on
   * the same machine whenever both want it, and still gets every idle cycle. Ignored on other
   * systems, where a nice value belongs to the whole process.
   */
  niceIncrement?: number | string | null
}

/** The checked option (`resolvePdfPoolOptions`); a config built by hand without niceIncrement keeps the app's priority. */
export type PdfPoolConfig = { threads: number; maxQueue: number; niceIncrement?: number }

const MAX_THREADS = 64
const MAX_QUEUE = 10_000
const MAX_NICE_INCREMENT = 19
export const DEFAULT_PDF_NICE_INCREMENT = 10
/**
 * A 50-line invoice renders in about 10 ms on one thread (bench), so 32 waiting per thread is
 * about a third of a second of waiting: enough for a storefront fetching a page of PDFs at once,
 * which 4 per thread answered with 503s while the server had room. The queue holds plain
 * document data, not rendered files.
 */
const QUEUED_PER_THREAD = 32

export function defaultPdfThreads(cores = os.availableParallelism()): number {
  // One core stays with the event loop that serves every other request.
  return Math.min(4, Math.max(1, cores - 1))
}

const invalid = (detail: string) =>
  new MedusaError(
    MedusaError.Types.INVALID_DATA,
    `The portal option pdf is invalid (${detail}). Use { threads: 1–${MAX_THREADS}, maxQueue: 0–${MAX_QUEUE}, niceIncrement: 0–${MAX_NICE_INCREMENT} }, or leave it unset for the defaults.`
  )

/** A whole number from the option or from an environment variable ("2"); null when unset. */
function wholeNumber(name: string, value: unknown, min: number, max: number): number | null {
  if (value === undefined || value === null || value === "") {
    return null
  }
  const n = typeof value === "number" ? value : typeof value === "string" && /^\s*\d+\s*$/.test(value) ? Number(value) : NaN
  if (!Number.isInteger(n) || n < min || n > max) {
    throw invalid(`${name} must be a whole number from ${min} to ${max}, got ${JSON.stringify(value)}`)
  }
  return n
}

/** Checked when the module starts, so a wrong value stops the server at boot rather than on a download. */
export function resolvePdfPoolOptions(options: PdfPoolOptions | null | undefined): PdfPoolConfig {
  if (options != null && (typeof options !== "object" || Array.isArray(options))) {
    throw invalid(`expected an object, got ${JSON.stringify(options)}`)
  }
  const unknown = Object.keys(options ?? {}).filter((key) => !["threads", "maxQueue", "niceIncrement"].includes(key))
  if (unknown.length) {
    throw invalid(`unknown key ${unknown.map((k) => JSON.stringify(k)).join(", ")}`)
  }
  const threads = wholeNumber("threads", options?.threads, 1, MAX_THREADS) ?? defaultPdfThreads()
  const maxQueue = wholeNumber("maxQueue", options?.maxQueue, 0, MAX_QUEUE) ?? threads * QUEUED_PER_THREAD
  const niceIncrement =
    wholeNumber("niceIncrement", options?.niceIncrement, 0, MAX_NICE_INCREMENT) ?? DEFAULT_PDF_NICE_INCREMENT
  return { threads, maxQueue, niceIncrement }
}
