import { format } from "util"

/**
 * Errors logged during a test fail that test.
 *
 * Subscribers, workflows and the framework report trouble through the container's logger (and
 * some code through `console.error`) and carry on: a test that only checks the HTTP answer would
 * pass while the log says a receipt or an email could not be sent. The shared HTTP setup
 * (integration-tests/setup-http.ts) captures `logger.error` and `console.error` around every test
 * and, once the app is idle, fails the test with every message it did not expect. Captured
 * errors are not printed, so a green run's log stays quiet.
 *
 * A test that provokes an error on purpose says so with `expectLoggedErrors(...)`: each pattern
 * must match at least one logged error (so the allowance cannot go stale), and every logged
 * error must match one of the patterns.
 */

type Capture = {
  messages: string[]
  expected: (string | RegExp)[]
  /** Tolerated, not required: for fault tests, whose errors depend on timing. */
  allowed: (string | RegExp)[]
  restore: () => void
}

// On globalThis: the setup file and a spec file share it however their modules are loaded.
const KEY = Symbol.for("portal-tests.quiet-log")
const state = (): { capture: Capture | null } => ((globalThis as any)[KEY] ??= { capture: null })

const describeValue = (value: unknown) =>
  value instanceof Error ? `${value.message}${value.stack ? `\n${value.stack.split("\n").slice(1, 4).join("\n")}` : ""}` : value

const render = (args: unknown[]) => format(...args.map(describeValue))

type Logs = { [method: string]: any }

/**
 * Starts capturing `logger.error` (the given loggers), `console.error`, and `warn` of the given
 * warners: knex reports a connection it lost ("Connection Error: Connection ended unexpectedly")
 * only as a warning, printed with console.log, so it would pass unnoticed.
 */
export function captureLoggedErrors(loggers: Logs[], warners: Logs[] = []) {
  stopCapturingLoggedErrors()
  const capture: Capture = { messages: [], expected: [], allowed: [], restore: () => undefined }
  const restores: (() => void)[] = []

  const wrap = (target: Logs, method: "error" | "warn") => {
    const hadOwn = Object.prototype.hasOwnProperty.call(target, method)
    const original = target[method]
    // Kept, not printed: an error the test expected is noise in a green run's log, and one it
    // did not expect fails the test with its full text (assertNoUnexpectedErrors).
    target[method] = function (...args: unknown[]) {
      capture.messages.push(render(args))
    }
    // A method from the prototype (knex's Logger) is restored by removing the own copy.
    restores.push(() => (hadOwn ? (target[method] = original) : delete target[method]))
  }
  for (const logger of new Set(loggers)) {
    wrap(logger, "error")
  }
  wrap(console, "error")
  for (const warner of new Set(warners)) {
    wrap(warner, "warn")
  }

  capture.restore = () => restores.reverse().forEach((restore) => restore())
  state().capture = capture
}

/** Restores the wrapped methods and returns what was captured (null when nothing was). */
export function stopCapturingLoggedErrors() {
  const capture = state().capture
  state().capture = null
  capture?.restore()
  return capture
}

const matches = (message: string, pattern: string | RegExp) =>
  typeof pattern === "string" ? message.includes(pattern) : pattern.test(message)

/**
 * Declares the errors this test logs on purpose: every pattern (a literal fragment or a RegExp)
 * must match a logged error, and no other error may be logged. Call it in the test itself.
 */
export function expectLoggedErrors(...patterns: (string | RegExp)[]) {
  const capture = state().capture
  if (!capture) {
    throw new Error("expectLoggedErrors: no capture is running (is integration-tests/setup-http.ts loaded?)")
  }
  capture.expected.push(...patterns)
}

/**
 * Tolerates errors matching these patterns without requiring them: for a fault-injection test,
 * where whether (and what) the app logs depends on the moment the fault hits.
 */
export function allowLoggedErrors(...patterns: (string | RegExp)[]) {
  const capture = state().capture
  if (!capture) {
    throw new Error("allowLoggedErrors: no capture is running (is integration-tests/setup-http.ts loaded?)")
  }
  capture.allowed.push(...patterns)
}

/** The errors logged so far in this test (for a test that wants to assert on them). */
export function loggedErrors(): string[] {
  return [...(state().capture?.messages ?? [])]
}

/** Throws when the capture holds an unexpected error, or an expected one never came. */
export function assertNoUnexpectedErrors(capture: Capture | null) {
  if (!capture) {
    return
  }
  const unexpected = capture.messages.filter(
    (message) => ![...capture.expected, ...capture.allowed].some((p) => matches(message, p))
  )
  const missing = capture.expected.filter((p) => !capture.messages.some((message) => matches(message, p)))
  const problems: string[] = []
  if (unexpected.length) {
    problems.push(
      `${unexpected.length} error(s) were logged during this test (declare intended ones with expectLoggedErrors):\n` +
        unexpected.map((m) => `  • ${m.split("\n").join("\n    ")}`).join("\n")
    )
  }
  if (missing.length) {
    problems.push(`expected logged error(s) that never came: ${missing.map(String).join(", ")}`)
  }
  if (problems.length) {
    throw new Error(problems.join("\n"))
  }
}
