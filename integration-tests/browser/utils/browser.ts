import fs from "fs"
import os from "os"
import path from "path"
import { BrowserContext, chromium, Page } from "playwright-core"

/** Debian's `chromium` package; CI installs it (.ci/run) when it is missing. */
export const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium"

const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
]

export type Browser = {
  context: BrowserContext
  page: Page
  /** Uncaught exceptions thrown in any page: a suite fails when there is one. */
  pageErrors: string[]
  stop: () => Promise<void>
}

/**
 * Headless Chromium with a fresh profile (a new user-data-dir, deleted on stop), clipboard
 * access granted to the app's origin, and every page's console written to `consoleLog`.
 */
/** Fails at once, before the app is built and started, when there is no browser to drive it. */
export function assertChromium() {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium) or set CHROMIUM_PATH`)
  }
}

export async function launchBrowser(options: { origin: string; consoleLog: string }): Promise<Browser> {
  assertChromium()
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-browser-profile-"))
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: 1440, height: 900 },
    locale: "en-US",
    timezoneId: "UTC",
    permissions: ["clipboard-read", "clipboard-write"],
  })
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: options.origin })
  context.setDefaultTimeout(20_000)
  context.setDefaultNavigationTimeout(30_000)

  const pageErrors: string[] = []
  const console = fs.createWriteStream(options.consoleLog, { flags: "a" })
  const watch = (page: Page) => {
    page.on("console", (message) => console.write(`[${message.type()}] ${page.url()} ${message.text()}\n`))
    page.on("pageerror", (error) => {
      pageErrors.push(`${page.url()}: ${error.stack || error.message}`)
      console.write(`[pageerror] ${page.url()} ${error.stack || error.message}\n`)
    })
  }
  context.pages().forEach(watch)
  context.on("page", watch)
  const page = context.pages()[0] ?? (await context.newPage())

  return {
    context,
    page,
    pageErrors,
    stop: async () => {
      await context.close().catch(() => undefined)
      console.end()
      fs.rmSync(userDataDir, { recursive: true, force: true })
    },
  }
}

/**
 * Height the page needs to show everything: the dashboard scrolls an inner element, not the
 * document, so a "full page" screenshot alone would stop at the viewport.
 */
const CONTENT_HEIGHT = `(() => {
  let height = document.documentElement.scrollHeight
  for (const el of document.querySelectorAll("body *")) {
    const overflow = getComputedStyle(el).overflowY
    if ((overflow === "auto" || overflow === "scroll") && el.scrollHeight > el.clientHeight) {
      height = Math.max(height, el.getBoundingClientRect().top + el.scrollHeight + 16)
    }
  }
  return Math.ceil(height)
})()`

/** Screenshots of whole screens, numbered in the order they were taken, into `dir`. */
export function screenshotter(dir: string) {
  fs.mkdirSync(dir, { recursive: true })
  let n = 0
  return async (page: Page, name: string) => {
    n += 1
    const file = path.join(dir, `${String(n).padStart(2, "0")}-${name}.png`)
    const viewport = page.viewportSize() ?? { width: 1440, height: 900 }
    const height = Math.min(4000, Math.max(viewport.height, Number(await page.evaluate(CONTENT_HEIGHT))))
    if (height > viewport.height) {
      await page.setViewportSize({ width: viewport.width, height })
      await page.waitForTimeout(150)
    }
    await page.screenshot({ path: file, fullPage: true, animations: "disabled" })
    if (height > viewport.height) {
      await page.setViewportSize(viewport)
    }
    return file
  }
}

/**
 * A suite's `step(name, fn)`: one `it` per step of a walkthrough. When a step fails it saves a
 * screenshot (`<prefix>failed-<step>.png`) and Medusa's last log lines, and every later step is
 * reported as not run, since it would only fail for the same reason.
 */
export function stepRunner(options: {
  artifacts: string
  prefix?: string
  page: () => Page | undefined
  logTail: () => string | undefined
}) {
  let broken: string | null = null
  return function step(name: string, fn: () => Promise<void>, timeout?: number) {
    it(
      name,
      async () => {
        if (broken) {
          throw new Error(`not run: the step "${broken}" failed`)
        }
        try {
          await fn()
        } catch (error) {
          broken = name
          const slug = name.replace(/[^a-z0-9]+/gi, "-").toLowerCase().slice(0, 60)
          await options
            .page()
            ?.screenshot({ path: path.join(options.artifacts, `${options.prefix ?? ""}failed-${slug}.png`), fullPage: true })
            .catch(() => undefined)
          process.stdout.write(`\n[browser] step failed: ${name}\n[browser] Medusa's last log lines:\n${options.logTail() ?? ""}\n`)
          throw error
        }
      },
      timeout
    )
  }
}
