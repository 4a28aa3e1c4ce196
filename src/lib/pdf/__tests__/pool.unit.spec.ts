import fs from "fs"
import os from "os"
import path from "path"
import { threadId as mainThreadId, Worker } from "worker_threads"
import { MedusaError } from "@medusajs/framework/utils"
import type { PdfInvoiceData } from ".."
import {
  isPdfRendererBusy,
  lowerThreadPriority,
  pdfWorkerEntry,
  PdfRenderer,
  PdfRenderPool,
  renderDocumentPdf,
  resolvePdfPoolOptions,
} from ".."
import { readPdf } from "./extract-text"

const branding = { business_name: "Acme Plumbing", accent_color: "#0f766e", support_email: "help@acme.example" }

function invoice(number = "INV-0001", lines = 1): PdfInvoiceData {
  return {
    kind: "invoice",
    number,
    status_label: "Unpaid",
    issue_date: "2026-01-05T00:00:00.000Z",
    due_date: new Date("2026-02-04T00:00:00.000Z"),
    currency_code: "usd",
    customer: { name: "Jane Doe", email: "jane@example.com" },
    lines: Array.from({ length: lines }, (_, i) => ({ title: `Pipe repair ${i + 1}`, quantity: 1, unit_price: "19.99", total: "19.99" })),
    subtotal: "19.99",
    tax_total: "0",
    total: "19.99",
  }
}

// Each pool starts its first thread (ts-node compiles the worker from source in tests): seconds, not a timing.
jest.setTimeout(60_000)

const task = (data: PdfInvoiceData) => ({ data, branding, options: {} })

/** Each thread of this process with its nice value, from /proc (Linux). */
function threadNiceValues(): Map<number, number> {
  const nice = new Map<number, number>()
  for (const tid of fs.readdirSync("/proc/self/task")) {
    try {
      const stat = fs.readFileSync(`/proc/self/task/${tid}/stat`, "utf8")
      // Fields after "pid (comm)": the comm may hold spaces; nice is field 19 of the line.
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ")
      nice.set(Number(tid), Number(fields[19 - 3]))
    } catch {
      // The thread ended meanwhile.
    }
  }
  return nice
}

describe("PDF worker pool", () => {
  const pools: { destroy(): Promise<unknown> }[] = []
  const pool = (threads: number, maxQueue: number, niceIncrement?: number) => {
    const created = new PdfRenderPool({ threads, maxQueue, niceIncrement })
    pools.push(created)
    return created
  }
  afterAll(async () => {
    await Promise.all(pools.map((p) => p.destroy()))
  })

  it("renders off the main thread, byte for byte what the renderer gives in-thread", async () => {
    const data = invoice()
    const { pdf, threadId } = await pool(1, 1).render(task(data))
    expect(threadId).not.toBe(mainThreadId)
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-")
    expect((await readPdf(pdf)).text).toContain("Invoice INV-0001")
    expect(pdf.equals(await renderDocumentPdf(data, branding))).toBe(true)
  })

  it("refuses a third concurrent render with one thread and a queue of one, with a typed busy error", async () => {
    const tiny = pool(1, 1)
    const renders = [1, 2, 3].map((n) => tiny.render(task(invoice(`INV-000${n}`, 60))))
    const [first, second, third] = await Promise.allSettled(renders)
    expect(third.status).toBe("rejected")
    const error = (third as PromiseRejectedResult).reason
    expect(isPdfRendererBusy(error)).toBe(true)
    expect(error.retryAfterSeconds).toBeGreaterThanOrEqual(1)
    expect(error.message).toMatch(/try again in (1 second|([02-9]|\d\d+) seconds)$/)
    for (const [result, number] of [[first, "INV-0001"], [second, "INV-0002"]] as const) {
      expect(result.status).toBe("fulfilled")
      const { pdf } = (result as PromiseFulfilledResult<{ pdf: Buffer }>).value
      expect((await readPdf(pdf)).text).toContain(`Invoice ${number}`)
    }
    // The slots are free again once those finished.
    expect(tiny.pending).toBe(0)
    await expect(tiny.render(task(invoice("INV-0004")))).resolves.toHaveProperty("pdf")
  })

  it("drops a waiting render whose requester left, so its place goes to the next one; a started render finishes", async () => {
    const tiny = pool(1, 1)
    const left = new AbortController()
    const running = tiny.render(task(invoice("INV-0001", 60)), left.signal)
    const gone = new AbortController()
    const waiting = tiny.render(task(invoice("INV-0002", 60)), gone.signal)
    expect(tiny.pending).toBe(2)
    gone.abort()
    await expect(waiting).rejects.toMatchObject({ name: "PdfRenderCancelledError" })
    // The queue's one place is free again: a third request is served, not refused as busy.
    expect(tiny.pending).toBe(1)
    const third = tiny.render(task(invoice("INV-0003")))
    // Aborting the running one changes nothing: piscina could only stop it by ending its thread.
    left.abort()
    expect((await readPdf((await running).pdf)).text).toContain("Invoice INV-0001")
    expect((await readPdf((await third).pdf)).text).toContain("Invoice INV-0003")
    expect(tiny.pending).toBe(0)
    await expect(tiny.render(task(invoice()), left.signal)).rejects.toMatchObject({ name: "PdfRenderCancelledError" })
  })

  it("rebuilds the renderer's INVALID_DATA error on the main thread, type and message intact", async () => {
    const bad = { ...invoice(), currency_code: "??" }
    const error = await pool(1, 0)
      .render(task(bad))
      .catch((e) => e)
    expect(error).toBeInstanceOf(MedusaError)
    expect(error.type).toBe(MedusaError.Types.INVALID_DATA)
    expect(error.message).toBe('renderDocumentPdf: currency_code "??" is not an ISO 4217 currency')
  })

  it("refuses renders after it was destroyed", async () => {
    const closed = pool(1, 0)
    await closed.render(task(invoice()))
    await closed.destroy()
    await expect(closed.render(task(invoice()))).rejects.toThrow(/shut down/)
  })

  const linuxIt = process.platform === "linux" ? it : it.skip

  linuxIt("runs its threads below the app's priority and leaves every other thread of the process as it was", async () => {
    const base = os.getPriority()
    const lowered = Math.min(19, base + 10)
    const before = threadNiceValues()
    await pool(1, 0, 10).render(task(invoice()))
    const after = threadNiceValues()
    // The event loop's thread (its id is the process id) and every thread that was there before.
    expect(after.get(process.pid)).toBe(base)
    expect([...before.keys()].filter((tid) => after.has(tid) && after.get(tid) !== before.get(tid))).toEqual([])
    // Exactly one new thread runs lowered: the pool's only worker.
    const niced = [...after].filter(([tid, nice]) => !before.has(tid) && nice === lowered)
    expect(niced).toHaveLength(1)
    expect([...after].filter(([, nice]) => nice !== base)).toEqual(niced)
  })

  it("changes no priority off Linux (a nice value belongs to the whole process there) or for an increment of 0", () => {
    expect(lowerThreadPriority(10, "darwin")).toBeNull()
    expect(lowerThreadPriority(10, "win32")).toBeNull()
    expect(lowerThreadPriority(0, "linux")).toBeNull()
  })

  it("starts a thread without @medusajs/framework/utils, which a valid PDF does not need (about a second and 55 MB a thread)", async () => {
    const entry = pdfWorkerEntry(path.join(__dirname, "..", "pool", "pool.ts"))
    // The worker module in a bare thread, as piscina loads it; what it required is then listed.
    const probe = new Worker(
      `const { parentPort, workerData } = require("worker_threads")
       const render = require(workerData.filename).default
       render(workerData.task).then(() => parentPort.postMessage(Object.keys(require.cache)))`,
      { eval: true, execArgv: entry.execArgv, workerData: { filename: entry.filename, task: task({ ...invoice(), open_amount: "19.99" }) } }
    )
    const loaded: string[] = await new Promise((resolve, reject) => probe.once("message", resolve).once("error", reject))
    await probe.terminate()
    expect(loaded.some((file) => file.includes(`${path.sep}pdfkit${path.sep}`))).toBe(true)
    expect(loaded.filter((file) => file.includes(`${path.sep}@medusajs${path.sep}`))).toEqual([])
  })

  it("loads the worker from TypeScript source through ts-node and from a build as plain JavaScript", () => {
    const source = pdfWorkerEntry("/app/src/lib/pdf/pool/pool.ts")
    expect(source.filename).toBe("/app/src/lib/pdf/pool/render-worker.ts")
    expect(source.execArgv).toEqual(["--require", require.resolve("ts-node/register/transpile-only")])
    expect(pdfWorkerEntry("/app/.medusa/server/src/lib/pdf/pool/pool.js")).toEqual({
      filename: "/app/.medusa/server/src/lib/pdf/pool/render-worker.js",
    })
  })
})

describe("PdfRenderer (the Portal module's handle on the shared pool)", () => {
  it("shares one pool per configuration and waits for a free slot when asked to", async () => {
    const a = new PdfRenderer({ threads: 1, maxQueue: 0 })
    const b = new PdfRenderer({ threads: 1, maxQueue: 0 })
    try {
      const running = a.render(invoice("INV-0001", 60), branding)
      // The only slot is taken (by the other renderer: the pool is shared): b is refused…
      const refused = await b.render(invoice("INV-0002"), branding).catch((e) => e)
      expect(isPdfRendererBusy(refused)).toBe(true)
      // …unless it may wait, as a receipt email does.
      const waited = await b.render(invoice("INV-0003"), branding, { waitWhenBusy: true })
      expect((await readPdf(waited)).text).toContain("Invoice INV-0003")
      expect((await readPdf(await running)).text).toContain("Invoice INV-0001")
    } finally {
      await a.close()
      await b.close()
    }
    await expect(a.render(invoice(), branding)).rejects.toThrow(/shut down/)
  })
})

describe("resolvePdfPoolOptions", () => {
  it("defaults to one thread per spare core (1–4), a queue of 32 per thread and threads 10 nice steps down", () => {
    const { threads, maxQueue } = resolvePdfPoolOptions(undefined)
    expect(threads).toBeGreaterThanOrEqual(1)
    expect(threads).toBeLessThanOrEqual(4)
    expect(maxQueue).toBe(threads * 32)
    expect(resolvePdfPoolOptions({ threads: 3 })).toEqual({ threads: 3, maxQueue: 96, niceIncrement: 10 })
  })

  it("accepts whole numbers, also from environment variables, and a queue of 0", () => {
    expect(resolvePdfPoolOptions({ threads: "2", maxQueue: "0", niceIncrement: "0" })).toEqual({ threads: 2, maxQueue: 0, niceIncrement: 0 })
    expect(resolvePdfPoolOptions({ niceIncrement: 19 }).niceIncrement).toBe(19)
    expect(resolvePdfPoolOptions({ threads: undefined, maxQueue: "" }).maxQueue).toBeGreaterThanOrEqual(4)
  })

  it.each([
    [{ threads: 0 }, /threads must be a whole number from 1 to 64, got 0/],
    [{ threads: 1.5 }, /threads must be a whole number/],
    [{ threads: "two" }, /threads must be a whole number/],
    [{ threads: 65 }, /threads must be a whole number/],
    [{ maxQueue: -1 }, /maxQueue must be a whole number from 0 to 10000/],
    [{ maxQueue: 2.5 }, /maxQueue must be a whole number/],
    [{ niceIncrement: -1 }, /niceIncrement must be a whole number from 0 to 19/],
    [{ niceIncrement: 20 }, /niceIncrement must be a whole number from 0 to 19/],
    [{ thread: 2 }, /unknown key "thread"/],
    [4, /expected an object/],
  ])("refuses %j at boot with a message naming the option", (options, message) => {
    let error: any
    try {
      resolvePdfPoolOptions(options as any)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(MedusaError)
    expect(error.type).toBe(MedusaError.Types.INVALID_DATA)
    expect(error.message).toMatch(/^The portal option pdf is invalid/)
    expect(error.message).toMatch(message)
  })
})
