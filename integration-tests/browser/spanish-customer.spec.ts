/// <reference lib="dom" />
// page.evaluate callbacks run in the browser: they use DOM globals.
import fs from "fs"
import path from "path"
import type { Locator, Page } from "playwright-core"
import type { ParsedMail } from "mailparser"
import en from "../../src/lib/i18n/en.json"
import es from "../../src/lib/i18n/es.json"
import { readPdf } from "../../src/lib/pdf/__tests__/extract-text"
import { SmtpSink, startSmtpSink } from "../utils/smtp-sink"
import { axeViolations } from "./utils/axe"
import { assertChromium, Browser, launchBrowser, stepRunner } from "./utils/browser"
import { HostApp, startHostApp } from "./utils/host-app"
import { measureLayout } from "./utils/portal-fixtures"

/**
 * Languages (issue #14), acceptance: a customer whose language the owner set to Spanish gets the
 * invoice email in Spanish, opens its link, reads the portal and the invoice PDF in Spanish, and
 * approves an estimate with a typed name; a change the owner made meanwhile is refused with a
 * Spanish message first. The owner then reads the signed record. The same pages are captured in
 * Spanish and English at 360 px and 1280 px into artifacts/browser/spanish-customer/ (printed at
 * the start), each checked for sideways scrolling, cut values, axe violations and words left in
 * the other language.
 *
 * The steps share one app, one browser and one customer, so they run in order.
 */

const ARTIFACTS = path.resolve(__dirname, "../../artifacts/browser/spanish-customer")
const CUSTOMER = { first_name: "Ana", last_name: "Pérez", email: "ana.perez@example.com", company_name: "Panadería Pérez" }
const TERMS = "Los trabajos empiezan en un plazo de 10 días tras la aprobación."
const WIDTHS = [360, 1280] as const

jest.setTimeout(60_000)

let app: HostApp
let sink: SmtpSink
let browser: Browser
let page: Page
let token: string
let customerId: string
let invoice: { id: string; display_number: string }
let estimate: { id: string; display_number: string }
let invoiceMail: ParsedMail

const step = stepRunner({ artifacts: ARTIFACTS, prefix: "es-", page: () => page, logTail: () => app?.logTail(40) })

async function adminApi<T = any>(method: string, route: string, body?: unknown): Promise<T> {
  const response = await fetch(`${app.baseUrl}${route}`, {
    method,
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const data = await response.json()
  if (!response.ok) {
    throw new Error(`${method} ${route} answered ${response.status}: ${JSON.stringify(data)}`)
  }
  return data as T
}

async function adminToken() {
  const response = await fetch(`${app.baseUrl}/auth/user/emailpass`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: app.adminEmail, password: app.adminPassword }),
  })
  return ((await response.json()) as { token: string }).token
}

const expectVisible = (locator: Locator) => locator.waitFor({ state: "visible" })
const heading = (name: string | RegExp) => page.getByRole("heading", { name })
const setLanguage = (locale: "es" | "en") => adminApi("POST", `/admin/customers/${customerId}/portal-access/locale`, { locale })

/** Every page message of a catalog with no placeholder, that the other language says differently. */
function ownWords(mine: Record<string, unknown>, other: Record<string, unknown>): string[] {
  const words: string[] = []
  const walk = (a: unknown, b: unknown) => {
    if (typeof a === "string") {
      if (typeof b === "string" && a !== b && !a.includes("{{") && a.length >= 4 && /\p{L}{3}/u.test(a)) {
        words.push(a)
      }
      return
    }
    for (const [key, value] of Object.entries(a as Record<string, unknown>)) {
      walk(value, (b as Record<string, unknown>)?.[key])
    }
  }
  for (const area of ["page", "msg", "status", "payment_method"]) {
    walk(mine[area], other[area])
  }
  return words
}
const ENGLISH_ONLY = ownWords(en, es)
const SPANISH_ONLY = ownWords(es, en)

/** The page's visible text holds no message of the other language (a word left untranslated). */
async function wordsOfTheOtherLanguage(locale: "es" | "en") {
  const text = await page.evaluate(() => document.body.innerText)
  const foreign = locale === "es" ? ENGLISH_ONLY : SPANISH_ONLY
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
  return foreign.filter((words) => new RegExp(`(^|[^\\p{L}])${escape(words)}([^\\p{L}]|$)`, "u").test(text))
}

/**
 * The page at 360 and 1280 px: no sideways scroll, no value cut or broken, no serious axe finding,
 * nothing in the other language; captured full-page as `<name>-<locale>-<width>.png`.
 */
async function capture(name: string, locale: "es" | "en") {
  const problems: Record<string, unknown> = {}
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 800 })
    await page.waitForTimeout(100)
    const layout = await measureLayout(page)
    const found = {
      ...layout,
      axe_violations: await axeViolations(page),
      other_language: await wordsOfTheOtherLanguage(locale),
    }
    problems[width] = Object.fromEntries(Object.entries(found).filter(([, v]) => v !== null && !(Array.isArray(v) && !v.length)))
    await page.screenshot({ path: path.join(ARTIFACTS, `${name}-${locale}-${width}.png`), fullPage: true, animations: "disabled" })
  }
  await page.setViewportSize({ width: 1280, height: 800 })
  expect({ page: name, locale, problems }).toEqual({ page: name, locale, problems: { 360: {}, 1280: {} } })
}

beforeAll(async () => {
  assertChromium()
  fs.rmSync(ARTIFACTS, { recursive: true, force: true })
  fs.mkdirSync(ARTIFACTS, { recursive: true })
  process.stdout.write(`[browser] screenshots of the Spanish customer: ${ARTIFACTS}\n`)
  sink = await startSmtpSink()
  app = await startHostApp({ smtpPort: sink.port, logDir: path.join(ARTIFACTS, "logs") })

  token = await adminToken()
  await adminApi("POST", "/admin/portal/settings", {
    enabled: true,
    business_name: "Acme Plumbing",
    support_email: "help@acme.test",
    allow_service_history: true,
    approval_requires_name: true,
    approval_terms: TERMS,
    payment_instructions: "Transferencia a ES91 2100 0418 4502 0005 1332",
  })
  const { stores } = await adminApi("GET", "/admin/stores")
  await adminApi("POST", `/admin/stores/${stores[0].id}`, { supported_currencies: [{ currency_code: "eur", is_default: true }] })
  customerId = (await adminApi("POST", "/admin/customers", CUSTOMER)).customer.id
  // The owner sets the customer's language in the customer widget before sending anything.
  await setLanguage("es")

  const draftInvoice = (
    await adminApi("POST", "/admin/invoices", {
      customer_id: customerId,
      currency_code: "eur",
      lines: [{ title: "Revisión de la caldera", quantity: 3, unit_price: 19.99 }],
    })
  ).invoice
  invoice = (await adminApi("POST", `/admin/invoices/${draftInvoice.id}/send`, {})).invoice
  invoiceMail = await sink.waitFor((m) => String(m.text).includes(`next=%2Fportal%2Finvoices%2F${invoice.id}`))
  const draftEstimate = (
    await adminApi("POST", "/admin/estimates", {
      customer_id: customerId,
      currency_code: "eur",
      lines: [{ title: "Sustitución del calentador", quantity: 1, unit_price: 1200, tax_rate: 21 }],
    })
  ).estimate
  estimate = (await adminApi("POST", `/admin/estimates/${draftEstimate.id}/send`, {})).estimate

  browser = await launchBrowser({ origin: app.baseUrl, consoleLog: path.join(ARTIFACTS, "logs", "browser-console.log") })
  page = browser.page
  await page.setViewportSize({ width: 1280, height: 800 })
}, 420_000)

afterAll(async () => {
  await browser?.stop()
  await app?.stop()
  await sink?.stop()
})

describe("a Spanish-speaking customer", () => {
  step("gets the invoice email in Spanish", async () => {
    // The invoice email, or the first-access email it raced with: either way, Spanish.
    expect([
      `Factura ${invoice.display_number} de Acme Plumbing`,
      "El enlace a su portal de clientes de Acme Plumbing",
    ]).toContain(invoiceMail.subject)
    expect(invoiceMail.text).toContain("Hola, Ana:")
    expect(invoiceMail.html).toContain('<html lang="es">')
    expect(invoiceMail.text).not.toMatch(/\b(Hello|Invoice|View|Amount due)\b/)
  })

  step("opens the email's link and reads the invoice in Spanish", async () => {
    const link = String(invoiceMail.text).match(/https?:\/\/\S+\/portal\/access\/[A-Za-z0-9_-]{43}(\?\S*)?/)![0]
    await page.goto(link)
    await expectVisible(heading("Abra su portal"))
    await capture("open-link", "es")
    await Promise.all([
      page.waitForURL((url) => url.pathname === `/portal/invoices/${invoice.id}`),
      page.getByRole("button", { name: "Abrir mi portal" }).click(),
    ])
    expect(await page.locator("html").getAttribute("lang")).toBe("es")
    await expectVisible(heading(new RegExp(`Factura ${invoice.display_number}`)))
    await expectVisible(page.getByRole("cell", { name: "Revisión de la caldera" }))
    await expectVisible(page.locator(".totals .grand").filter({ hasText: "Importe pendiente" }).getByText("59,97\u00a0€"))
    await expectVisible(page.getByRole("link", { name: "Descargar PDF" }))
  })

  step("downloads the invoice PDF in Spanish", async () => {
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Descargar PDF" }).click()])
    const { text } = await readPdf(fs.readFileSync((await download.path())!))
    expect(text).toMatch(new RegExp(`Factura\\s+${invoice.display_number}\\s+Pendiente`))
    for (const words of ["Fecha de emisión", "FACTURAR A", "Importe pendiente", "Cómo pagar", "Página 1 de 1"]) {
      expect(text).toContain(words)
    }
    expect(text).toMatch(/Importe pendiente\s+59,97\s€/)
    expect(text).not.toMatch(/Amount due|Issue date|Bill to|How to pay|Page 1/)
  })

  step("reads the portal home in Spanish", async () => {
    await page.goto(`${app.baseUrl}/portal`)
    await expectVisible(heading("Hola, Ana"))
    await expectVisible(page.getByRole("navigation", { name: "Portal" }).getByRole("link", { name: "Facturas" }))
  })

  step("the same pages read whole in Spanish and in English, on a phone and a desktop", async () => {
    const pages: [string, string][] = [
      ["home", "/portal"],
      ["invoices", "/portal/invoices"],
      ["invoice", `/portal/invoices/${invoice.id}`],
      ["estimate", `/portal/estimates/${estimate.id}`],
      ["estimate-confirm", `/portal/estimates/${estimate.id}/accept`],
      ["statement", "/portal/statement"],
      ["profile", "/portal/profile"],
    ]
    for (const locale of ["es", "en"] as const) {
      await setLanguage(locale)
      for (const [name, url] of pages) {
        const response = await page.goto(`${app.baseUrl}${url}`)
        expect([name, response?.status()]).toEqual([name, 200])
        await capture(name, locale)
      }
    }
    await setLanguage("es")
    await page.goto(`${app.baseUrl}/portal/statement`)
    await expectVisible(page.getByRole("link", { name: `Factura ${invoice.display_number}` }))
  })

  step("is asked for a typed name in Spanish, then refused in Spanish when the estimate changed", async () => {
    await page.goto(`${app.baseUrl}/portal/estimates/${estimate.id}`)
    await page.getByRole("button", { name: "Aprobar" }).click()
    await page.waitForURL((url) => url.pathname === `/portal/estimates/${estimate.id}/accept`)
    await expectVisible(heading(`Aprobar el presupuesto ${estimate.display_number}`))
    await page.getByLabel("Acepto estas condiciones").check()
    await page.getByRole("button", { name: "Aprobar el presupuesto" }).click()
    await expectVisible(page.getByRole("alert").filter({ hasText: "Escriba su nombre completo para aprobar este presupuesto." }))
    await capture("estimate-confirm-no-name", "es")

    await page.getByLabel("Su nombre completo").fill("Ana Pérez")
    await page.getByLabel("Acepto estas condiciones").check()
    // The owner changes the terms while the customer has the step open.
    await adminApi("POST", "/admin/portal/settings", { approval_terms: `${TERMS} Pago en 14 días.` })
    await page.getByRole("button", { name: "Aprobar el presupuesto" }).click()
    await expectVisible(page.getByRole("alert").filter({ hasText: "Este presupuesto cambió desde que lo abrió." }))
    await expectVisible(page.getByText("Pago en 14 días."))
    await capture("estimate-confirm-changed", "es")
    expect((await adminApi("GET", `/admin/estimates/${estimate.id}`)).estimate.status).toBe("sent")
  })

  step("approves with a typed name and sees it Aceptado", async () => {
    sink.clear()
    await page.getByLabel("Su nombre completo").fill("Ana Pérez")
    await page.getByLabel("Acepto estas condiciones").check()
    await page.getByRole("button", { name: "Aprobar el presupuesto" }).click()
    await page.waitForURL((url) => url.pathname === `/portal/estimates/${estimate.id}` && url.searchParams.has("decided"))
    await expectVisible(heading(new RegExp(`Presupuesto ${estimate.display_number}`)).getByText("Aceptado"))
    await expectVisible(page.getByText("Ana Pérez").first())
    await capture("estimate-accepted", "es")
    const confirmation = await sink.waitFor((m) => String(m.subject).startsWith(`Aprobó el presupuesto ${estimate.display_number}`))
    expect(confirmation.html).toContain('<html lang="es">')
  })

  step("the owner sees the approval record", async () => {
    const { estimate: stored } = await adminApi("GET", `/admin/estimates/${estimate.id}`)
    expect(stored.status).toBe("accepted")
    const { decisions } = await adminApi("GET", `/admin/estimates/${estimate.id}/decisions`)
    expect(decisions).toEqual([
      expect.objectContaining({
        decision: "accepted",
        signed_name: "Ana Pérez",
        accepted_terms: `${TERMS} Pago en 14 días.`,
        document_hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      }),
    ])
  })

  step("the accepted estimate and the history read whole in both languages", async () => {
    for (const locale of ["en", "es"] as const) {
      await setLanguage(locale)
      for (const [name, url] of [
        ["estimate-accepted", `/portal/estimates/${estimate.id}`],
        ["history", "/portal/history"],
      ]) {
        await page.goto(`${app.baseUrl}${url}`)
        await capture(name, locale)
      }
    }
    await expectVisible(page.getByRole("link", { name: `Presupuesto ${estimate.display_number} aceptado` }))
  })

  step("threw no uncaught error in any page", async () => {
    expect(browser.pageErrors).toEqual([])
  })
})
