import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

const LOGGER_METHODS = ["error", "warn", "info", "http", "verbose", "debug", "silly", "log", "panic", "failure", "success"]
const CONSOLE_METHODS = ["log", "info", "warn", "error", "debug", "trace"] as const

/**
 * Captures everything the server could log — Medusa's logger at every level, the console and
 * the process's stdout / stderr — as text, until `stop()`.
 */
export function captureLogs(container: MedusaContainer) {
  const lines: string[] = []
  const record = (...args: unknown[]) => {
    lines.push(args.map((a) => (typeof a === "string" ? a : a instanceof Error ? `${a.message}\n${a.stack}` : JSON.stringify(a))).join(" "))
  }
  const spies: jest.SpyInstance[] = []
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER) as unknown as Record<string, unknown>
  for (const method of LOGGER_METHODS) {
    if (typeof logger[method] === "function") {
      const original = (logger[method] as (...a: unknown[]) => unknown).bind(logger)
      spies.push(jest.spyOn(logger as any, method).mockImplementation((...args: unknown[]) => (record(...args), original(...args))))
    }
  }
  for (const method of CONSOLE_METHODS) {
    spies.push(jest.spyOn(console, method).mockImplementation((...args: unknown[]) => record(...args)))
  }
  for (const stream of [process.stdout, process.stderr]) {
    const original = stream.write.bind(stream)
    spies.push(
      jest.spyOn(stream, "write").mockImplementation(((chunk: unknown, ...rest: unknown[]) => {
        record(String(chunk))
        return (original as any)(chunk, ...rest)
      }) as any)
    )
  }
  return {
    text: () => lines.join("\n"),
    stop: () => spies.forEach((spy) => spy.mockRestore()),
  }
}
