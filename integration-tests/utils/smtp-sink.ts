import type { AddressInfo } from "net"
import { SMTPServer } from "smtp-server"
import { simpleParser } from "mailparser"
import type { ParsedMail } from "mailparser"

export type SmtpSink = {
  /** The loopback port it listens on (host 127.0.0.1). */
  port: number
  /** Every message received so far, parsed, in arrival order. */
  messages: ParsedMail[]
  /**
   * Resolves with the first received message (past or future) for which `predicate` is truthy;
   * rejects after `timeoutMs` (10 s by default).
   */
  waitFor(predicate?: (mail: ParsedMail) => unknown, timeoutMs?: number): Promise<ParsedMail>
  /** Forgets the messages received so far. */
  clear(): void
  /** Stops listening; idempotent. */
  stop(): Promise<void>
}

type Waiter = { predicate: (mail: ParsedMail) => unknown; resolve: (mail: ParsedMail) => void }

/**
 * A throwaway SMTP server for tests: 127.0.0.1, a free port (or `options.port`, e.g. to bring a
 * stopped sink back on the port an app was configured with), no TLS, no authentication. It
 * accepts every message and keeps it parsed in memory, so a test can assert on what a real
 * SMTP client (nodemailer, through the plugin's provider) actually put on the wire.
 */
export async function startSmtpSink(options: { port?: number } = {}): Promise<SmtpSink> {
  const messages: ParsedMail[] = []
  let waiters: Waiter[] = []

  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    // Attachments of a few MB must fit; the default has no limit, keep it explicit.
    size: 25 * 1024 * 1024,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          messages.push(mail)
          const ready = waiters.filter((w) => w.predicate(mail))
          waiters = waiters.filter((w) => !ready.includes(w))
          ready.forEach((w) => w.resolve(mail))
          callback()
        })
        .catch((error: Error) => callback(error))
    },
  })

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject)
    server.listen(options.port ?? 0, "127.0.0.1", () => {
      server.off("error", reject)
      resolve()
    })
  })
  // Errors after start (a client dropping the connection) must not crash the test process.
  server.on("error", () => undefined)
  const port = (server.server.address() as AddressInfo).port

  let stopped: Promise<void> | null = null

  return {
    port,
    messages,
    waitFor(predicate = () => true, timeoutMs = 10_000) {
      const existing = messages.find((mail) => predicate(mail))
      if (existing) {
        return Promise.resolve(existing)
      }
      return new Promise<ParsedMail>((resolve, reject) => {
        const waiter: Waiter = {
          predicate,
          resolve: (mail) => {
            clearTimeout(timer)
            resolve(mail)
          },
        }
        const timer = setTimeout(() => {
          waiters = waiters.filter((w) => w !== waiter)
          // Name what did arrive: a wrong subject or link is then visible in the failure itself.
          const received = messages.map((m) => `"${m.subject}" to ${(m.to as { text?: string } | undefined)?.text ?? "?"}`)
          reject(new Error(`smtp-sink: no matching message within ${timeoutMs} ms (${messages.length} received${received.length ? `: ${received.join(", ")}` : ""})`))
        }, timeoutMs)
        waiters.push(waiter)
      })
    },
    clear() {
      messages.length = 0
    },
    stop() {
      stopped ??= new Promise<void>((resolve) => server.close(() => resolve()))
      return stopped
    },
  }
}

const SMTP_ENV = ["SMTP_HOST", "SMTP_PORT", "SMTP_FROM"] as const

/**
 * Points the app's SMTP provider at a fresh sink for one spec file. Call it at the top level,
 * before `medusaIntegrationTestRunner`, so its `beforeAll` runs before the app boots and reads
 * SMTP_*; `onStart` receives the sink. Suites share one process, so the environment is restored
 * afterwards and the next suite never sends to this (stopped) sink. `restart()` brings a stopped
 * sink back on the same port (the app keeps its SMTP settings), and that one is stopped at the end.
 */
export function useSmtpSink(from: string, onStart: (sink: SmtpSink) => void) {
  const saved: Record<string, string | undefined> = {}
  let sink: SmtpSink | undefined
  beforeAll(async () => {
    sink = await startSmtpSink()
    SMTP_ENV.forEach((name) => (saved[name] = process.env[name]))
    process.env.SMTP_HOST = "127.0.0.1"
    process.env.SMTP_PORT = String(sink.port)
    process.env.SMTP_FROM = from
    onStart(sink)
  })
  afterAll(async () => {
    await sink?.stop()
    SMTP_ENV.forEach((name) => (saved[name] === undefined ? delete process.env[name] : (process.env[name] = saved[name])))
  })
  return {
    restart: async () => {
      sink = await startSmtpSink({ port: sink!.port })
      onStart(sink)
      return sink
    },
  }
}
