/// <reference lib="dom" />
// page.evaluate callbacks run in the browser: they use DOM globals.
import fs from "fs"
import path from "path"
import type { Locator, Page } from "playwright-core"
import { FakeStripe, startFakeStripe } from "../utils/fake-stripe/server"
import { SmtpSink, startSmtpSink } from "../utils/smtp-sink"
import { assertChromium, Browser, launchBrowser, stepRunner } from "./utils/browser"
import { HostApp, startHostApp } from "./utils/host-app"
import { NO_LAYOUT_PROBLEMS, portalPageChecker, STRIPE_JS_STUB, VIEWPORTS } from "./utils/portal-fixtures"
import { readPdf } from "../../src/lib/pdf/__tests__/extract-text"

/**
 * The customer portal in headless Chromium, as the customer uses it (issues 5 and 6): the owner
 * sets things up through the admin API (portal on, a customer, an invoice and an estimate sent, a
 * magic link), then the customer opens the link, reads the home page, the invoice and its PDF,
 * approves the estimate, updates their profile (checked through the admin API) and starts paying
 * the invoice with Pay Now. The app runs against the fake Stripe API
 * (integration-tests/utils/fake-stripe); only the browser's Stripe.js is stubbed, with
 * page.route. Every page is checked at 360 and 1280 px (no sideways scrolling, no hidden
 * columns, badges whole, numbers and dates on one line; issue 13) and captured at 390 and 1280 px
 * into artifacts/browser/portal/portal-*.png (this suite empties only that folder).
 *
 * The steps share one app, one browser and one customer, so they run in order; after a failed
 * step the following ones fail at once.
 */

const ARTIFACTS = path.resolve(__dirname, "../../artifacts/browser/portal")
const CUSTOMER = { first_name: "Jane", last_name: "Cooper", email: "jane.portal@example.com", company_name: "Cooper Bakery" }
const PUBLISHABLE_KEY = "pk_test_fake_browser"
const STRIPE_JS = /^https:\/\/js\.stripe\.com\/v3\//
const TERMS = "Work starts within 10 days of approval."

jest.setTimeout(60_000)

let app: HostApp
let sink: SmtpSink
let fake: FakeStripe
let browser: Browser
let page: Page
let token: string
let customerId: string
let invoice: { id: string; display_number: string }
let estimate: { id: string; display_number: string }
let magicLink: string
let longInvoice: { id: string; display_number: string }
/** The links the invoice and estimate emails carried (each opens its document). */
let invoiceEmailLink: string
let estimateEmailLink: string
const checkLayout = portalPageChecker(ARTIFACTS)

/** The current page fits a phone and a desktop; it is captured at both widths as `portal-<name>-*.png`. */
async function checkPage(name: string) {
  expect({ page: name, problems: await checkLayout(page, name) }).toEqual({ page: name, problems: NO_LAYOUT_PROBLEMS })
}

/** Runs a step; on failure saves a screenshot and Medusa's last log lines, and stops later steps. */
const step = stepRunner({ artifacts: ARTIFACTS, prefix: "portal-", page: () => page, logTail: () => app?.logTail(40) })

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
  if (!response.ok) {
    throw new Error(`admin login answered ${response.status}`)
  }
  return ((await response.json()) as { token: string }).token
}

async function expectVisible(locator: Locator, timeout?: number) {
  await locator.waitFor({ state: "visible", timeout })
}

const heading = (name: string | RegExp) => page.getByRole("heading", { name })

beforeAll(async () => {
  assertChromium()
  // This suite's own folder only: the admin suite keeps its screenshots in artifacts/browser/admin.
  fs.rmSync(ARTIFACTS, { recursive: true, force: true })
  fs.mkdirSync(ARTIFACTS, { recursive: true })
  sink = await startSmtpSink()
  fake = await startFakeStripe({ apiKey: "sk_test_fake", webhookSecret: "whsec_test" })
  app = await startHostApp({
    smtpPort: sink.port,
    logDir: path.join(ARTIFACTS, "logs"),
    env: {
      STRIPE_API_KEY: "sk_test_fake",
      STRIPE_WEBHOOK_SECRET: "whsec_test",
      STRIPE_API_HOST: fake.host,
      STRIPE_API_PORT: String(fake.port),
      STRIPE_API_TIMEOUT: "3000",
      STRIPE_PUBLISHABLE_KEY: PUBLISHABLE_KEY,
    },
  })

  // What the owner does before the customer arrives, through the admin API.
  token = await adminToken()
  await adminApi("POST", "/admin/portal/settings", {
    enabled: true,
    business_name: "Acme Plumbing",
    support_email: "help@acme.test",
    allow_service_history: true,
    // Long unbroken tokens (an IBAN, a URL) must wrap on a phone, not push the page sideways.
    payment_instructions: "Bank transfer to Acme Plumbing Ltd\nIBAN GB82WEST12345698765432, BIC WESTGB2L\nReference: your invoice number",
    business_address: "12 Market Street\nLondon EC1A 1AA",
    tax_id: "GB123456789",
  })
  const { stores } = await adminApi("GET", "/admin/stores")
  await adminApi("POST", `/admin/stores/${stores[0].id}`, {
    supported_currencies: [{ currency_code: "eur", is_default: true }],
  })
  customerId = (await adminApi("POST", "/admin/customers", CUSTOMER)).customer.id

  const draftInvoice = (
    await adminApi("POST", "/admin/invoices", {
      customer_id: customerId,
      currency_code: "eur",
      lines: [{ title: "Boiler service", quantity: 3, unit_price: 19.99 }],
    })
  ).invoice
  invoice = (await adminApi("POST", `/admin/invoices/${draftInvoice.id}/send`, {})).invoice
  const draftEstimate = (
    await adminApi("POST", "/admin/estimates", {
      customer_id: customerId,
      currency_code: "eur",
      lines: [{ title: "Water heater replacement", quantity: 1, unit_price: 1200, tax_rate: 10 }],
    })
  ).estimate
  estimate = (await adminApi("POST", `/admin/estimates/${draftEstimate.id}/send`, {})).estimate
  magicLink = (await adminApi("POST", `/admin/customers/${customerId}/portal-access/link`)).link.url
  const linkOf = (mail: { text?: string | false }) => String(mail.text).match(/https?:\/\/\S+\/portal\/access\/[A-Za-z0-9_-]{43}(\?\S*)?/)![0]
  invoiceEmailLink = linkOf(await sink.waitFor((m) => String(m.text).includes(`next=%2Fportal%2Finvoices%2F${invoice.id}`)))
  // Both emails may be the first-access email (the two sends race), so each is told by its next.
  estimateEmailLink = linkOf(await sink.waitFor((m) => String(m.text).includes(`next=%2Fportal%2Festimates%2F${estimate.id}`)))

  browser = await launchBrowser({ origin: app.baseUrl, consoleLog: path.join(ARTIFACTS, "logs", "browser-console.log") })
  page = browser.page
  await page.setViewportSize(VIEWPORTS.desktop)
}, 420_000)

afterAll(async () => {
  await browser?.stop()
  await app?.stop()
  await fake?.stop()
  await sink?.stop()
})

describe("customer portal in the browser", () => {
  step("the owner's setup gave numbered documents and a magic link", async () => {
    expect(invoice.display_number).toMatch(/^INV-\d+$/)
    expect(estimate.display_number).toMatch(/^EST-\d+$/)
    expect(magicLink).toMatch(/\/portal\/access\/[A-Za-z0-9_-]{43}$/)
  })

  step("opens the magic link and lands on the portal home with the open balance", async () => {
    // The link page changes nothing until the button is pressed (mail scanners pre-open links).
    const linkPage = await page.goto(magicLink)
    expect(linkPage?.status()).toBe(200)
    await checkPage("open-link")
    await Promise.all([page.waitForURL((url) => url.pathname === "/portal"), page.getByRole("button", { name: "Open my portal" }).click()])
    await expectVisible(heading("Hello, Jane"))
    await expectVisible(page.getByText("Acme Plumbing").first())
    const balance = page.locator(".figures div").filter({ hasText: "Open balance" })
    await expectVisible(balance.getByText("€59.97"))
    await expectVisible(page.locator(".figures div").filter({ hasText: "Estimates waiting for you" }).getByText("1"))
    await expectVisible(page.getByRole("link", { name: "Pay €59.97" }))
    await expectVisible(page.getByRole("link", { name: "Review 1 estimate" }))
    await checkPage("home")
  })

  step("lists the invoice and opens it", async () => {
    await page.getByRole("navigation", { name: "Portal" }).getByRole("link", { name: "Invoices" }).click()
    await page.waitForURL((url) => url.pathname === "/portal/invoices")
    const link = page.getByRole("link", { name: invoice.display_number }).first()
    await expectVisible(link)
    await checkPage("invoices")
    await link.click()
    await page.waitForURL((url) => url.pathname === `/portal/invoices/${invoice.id}`)
    await expectVisible(heading(new RegExp(`Invoice ${invoice.display_number}`)))
    await expectVisible(page.getByRole("cell", { name: "Boiler service" }))
    await expectVisible(page.locator(".totals .grand").filter({ hasText: "Amount due" }).getByText("€59.97"))
    await expectVisible(page.getByRole("button", { name: "Pay Now" }))
    // Pay first: the amount due, Pay Now and the other ways to pay come before the lines.
    await expectVisible(page.locator(".due-amount").getByText("€59.97"))
    await expectVisible(heading("Other ways to pay"))
    await expectVisible(page.getByText("IBAN GB82WEST12345698765432, BIC WESTGB2L"))
    const above = await page.evaluate(() => {
      const top = (selector: string) => document.querySelector(selector)!.getBoundingClientRect().top
      return top(".pay-now") < top("table.lines") && top(".how-to-pay") < top("table.lines")
    })
    expect(above).toBe(true)
    await expectVisible(page.getByRole("columnheader", { name: "Amount (excl. tax)" }))
    await checkPage("invoice")
  })

  step("downloads the invoice PDF", async () => {
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Download PDF" }).click(),
    ])
    expect(download.suggestedFilename()).toBe(`${invoice.display_number}.pdf`)
    const file = await download.path()
    expect(file).toBeTruthy()
    const bytes = fs.readFileSync(file!)
    const { text } = await readPdf(bytes)
    expect(text).toMatch(new RegExp(`Invoice\\s+${invoice.display_number}\\s+Unpaid`))
    expect(text).toMatch(/Boiler service\s+3\s+€19\.99\s+€59\.97/)
    expect(text).toMatch(/Amount due\s+€59\.97/)
    expect(text).toMatch(/Total\s+€59\.97/)
    expect(text).toMatch(/Acme Plumbing\s+12 Market Street\s+London EC1A 1AA\s+Tax ID GB123456789/)
    expect(text).toMatch(/How to pay\s+Bank transfer to Acme Plumbing Ltd/)
    expect(text).toMatch(new RegExp(`Pay online: \\S+/portal/invoices/${invoice.id}`))
    expect(await download.failure()).toBeNull()
  })

  step("lists the estimate, opens it, and keyboard focus on Approve is visible", async () => {
    await page.getByRole("navigation", { name: "Portal" }).getByRole("link", { name: "Estimates" }).click()
    await page.waitForURL((url) => url.pathname === "/portal/estimates")
    const link = page.getByRole("link", { name: estimate.display_number }).first()
    await expectVisible(link)
    await checkPage("estimates")
    await link.click()
    await page.waitForURL((url) => url.pathname === `/portal/estimates/${estimate.id}`)
    await expectVisible(heading(new RegExp(`Estimate ${estimate.display_number}`)))
    await expectVisible(page.locator(".totals .grand").getByText("€1,320.00"))
    const approve = page.getByRole("button", { name: "Approve" })
    await expectVisible(approve)
    await checkPage("estimate")

    // Tab to the button like a keyboard user: it must be reachable and show a focus ring.
    await page.locator("body").click({ position: { x: 1, y: 1 } })
    let reached = false
    for (let i = 0; i < 40 && !reached; i++) {
      await page.keyboard.press("Tab")
      reached = await approve.evaluate((el) => el === document.activeElement)
    }
    expect(reached).toBe(true)
    const ring = await approve.evaluate((el) => {
      const style = getComputedStyle(el)
      return { outline: style.outlineStyle, width: parseFloat(style.outlineWidth), shadow: style.boxShadow }
    })
    expect(ring.outline !== "none" && ring.width > 0).toBe(true)
    await checkPage("estimate-approve-focused")
  })

  step("Approve opens a confirmation step that asks for the full name and the terms", async () => {
    await adminApi("POST", "/admin/portal/settings", { approval_requires_name: true, approval_terms: TERMS })
    await page.getByRole("button", { name: "Approve" }).click()
    await page.waitForURL((url) => url.pathname === `/portal/estimates/${estimate.id}/accept`)
    await expectVisible(heading(`Approve estimate ${estimate.display_number}`))
    await expectVisible(page.getByText(TERMS))
    await expectVisible(page.locator(".totals .grand").getByText("€1,320.00"))
    await checkPage("estimate-confirm")
    // Submitted without a name: refused, nothing approved, the step is shown again.
    await page.getByLabel("I accept these terms").check()
    await page.getByRole("button", { name: "Approve estimate" }).click()
    await expectVisible(page.getByRole("alert").filter({ hasText: "Type your full name to approve this estimate." }))
    await checkPage("estimate-confirm-error")
  })

  step("a change made meanwhile is refused with what changed, then the customer decides again", async () => {
    await page.getByLabel("Your full name").fill("Jane Cooper")
    await page.getByLabel("I accept these terms").check()
    // The owner changes the terms while the customer has the step open.
    await adminApi("POST", "/admin/portal/settings", { approval_terms: `${TERMS} Payment within 14 days.` })
    await page.getByRole("button", { name: "Approve estimate" }).click()
    await expectVisible(page.getByRole("alert").filter({ hasText: "This estimate changed since you opened it." }))
    await expectVisible(page.getByText("Payment within 14 days."))
    await checkPage("estimate-confirm-changed")
    const { estimate: stored } = await adminApi("GET", `/admin/estimates/${estimate.id}`)
    expect(stored.status).toBe("sent")
  })

  step("approves the estimate and sees it Accepted", async () => {
    await page.getByLabel("Your full name").fill("Jane Cooper")
    await page.getByLabel("I accept these terms").check()
    await page.getByRole("button", { name: "Approve estimate" }).click()
    await page.waitForURL((url) => url.pathname === `/portal/estimates/${estimate.id}` && url.searchParams.has("decided"))
    await expectVisible(heading(new RegExp(`Estimate ${estimate.display_number}`)).getByText("Accepted"))
    expect(await page.getByRole("button", { name: "Approve" }).count()).toBe(0)
    await checkPage("estimate-accepted")
    const { estimate: stored } = await adminApi("GET", `/admin/estimates/${estimate.id}`)
    expect(stored.status).toBe("accepted")
    const { decisions } = await adminApi("GET", `/admin/estimates/${estimate.id}/decisions`)
    expect(decisions).toEqual([
      expect.objectContaining({ decision: "accepted", signed_name: "Jane Cooper", accepted_terms: `${TERMS} Payment within 14 days.` }),
    ])
  })

  step("updates phone and address on the profile page", async () => {
    await page.getByRole("navigation", { name: "Portal" }).getByRole("link", { name: "Profile" }).click()
    await page.waitForURL((url) => url.pathname === "/portal/profile")
    await expectVisible(heading("Your profile"))
    await checkPage("profile")
    await page.getByLabel("Phone").fill("+44 20 7946 0958")
    await page.getByLabel("Street address").fill("12 Baker Street")
    await page.getByLabel("City").fill("London")
    await page.getByLabel("Postcode").fill("NW1 6XE")
    await page.getByLabel("Country (two-letter code)").fill("GB")
    await page.getByRole("button", { name: "Save changes" }).click()
    await page.waitForURL((url) => url.pathname === "/portal/profile" && url.searchParams.get("saved") === "1")
    await expectVisible(page.getByRole("status").filter({ hasText: "Your details were saved." }))
    expect(await page.getByLabel("Phone").inputValue()).toBe("+44 20 7946 0958")
    expect(await page.getByLabel("Street address").inputValue()).toBe("12 Baker Street")
    await checkPage("profile-saved")

    const { customer } = await adminApi("GET", `/admin/customers/${customerId}?fields=*addresses`)
    expect(customer.phone).toBe("+44 20 7946 0958")
    expect(customer.addresses).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ address_1: "12 Baker Street", city: "London", postal_code: "NW1 6XE", country_code: "gb" }),
      ])
    )
  })

  step("Pay Now opens the pay page and mounts the Payment Element with the server's client secret", async () => {
    let stubServed = 0
    await page.route(STRIPE_JS, (route) => {
      stubServed += 1
      return route.fulfill({ status: 200, contentType: "application/javascript", body: STRIPE_JS_STUB })
    })
    await page.goto(`${app.baseUrl}/portal/invoices/${invoice.id}`)
    await page.getByRole("button", { name: "Pay Now" }).click()
    await page.waitForURL((url) => url.pathname === `/portal/invoices/${invoice.id}/pay`)
    await expectVisible(heading(`Pay invoice ${invoice.display_number}`))

    // The server created one PaymentIntent on the fake Stripe API, for the server's amount.
    const intents = [...fake.paymentIntents.values()]
    expect(intents).toHaveLength(1)
    expect(intents[0]).toEqual(expect.objectContaining({ amount: 5997, currency: "eur" }))
    const secret = intents[0].client_secret!

    const marker = page.locator("#payment-element [data-testid=stub-payment-element]")
    await expectVisible(marker)
    expect(stubServed).toBeGreaterThanOrEqual(1)
    expect(await marker.getAttribute("data-client-secret")).toBe(secret)
    expect(await marker.getAttribute("data-type")).toBe("payment")
    const recorded = await page.evaluate(() => (window as any).__stripeStub)
    expect(recorded).toEqual({ publishableKey: PUBLISHABLE_KEY, clientSecret: secret, mounted: true })
    expect(await page.locator("#payment-error").isHidden()).toBe(true)
    await expectVisible(page.getByRole("button", { name: "Pay €59.97" }))
    await checkPage("pay")
    await page.unroute(STRIPE_JS)
  })

  step("the owner sends a 14-line invoice, 20 more invoices and another estimate", async () => {
    const sendInvoice = async (body: Record<string, unknown>) => {
      const draft = (await adminApi("POST", "/admin/invoices", { customer_id: customerId, currency_code: "eur", ...body })).invoice
      return (await adminApi("POST", `/admin/invoices/${draft.id}/send`, {})).invoice as { id: string; display_number: string }
    }
    const lines = Array.from({ length: 14 }, (_, i) => ({
      title: i === 3 ? "Thermostatic-radiator-valve-kit-TRV-4000-XL-with-extended-warranty" : `Work item ${i + 1}`,
      description: i % 4 === 0 ? "Parts and labour, including removal of the old unit and a full system flush" : null,
      quantity: (i % 3) + 1,
      unit_price: i === 0 ? 123456.78 : 45.5 + i,
      tax_rate: i % 2 ? 20 : null,
    }))
    const day = 86_400_000
    longInvoice = await sendInvoice({
      lines,
      issue_date: new Date(Date.now() - 40 * day).toISOString(),
      due_date: new Date(Date.now() - 10 * day).toISOString(),
    })
    for (let i = 0; i < 20; i++) {
      await sendInvoice({ lines: [{ title: `Call-out ${i + 1}`, quantity: 1, unit_price: 80 + i }] })
    }
    const draftEstimate = (
      await adminApi("POST", "/admin/estimates", {
        customer_id: customerId,
        currency_code: "eur",
        lines: [{ title: "Bathroom refit", quantity: 1, unit_price: 8450, tax_rate: 20 }],
      })
    ).estimate
    await adminApi("POST", `/admin/estimates/${draftEstimate.id}/send`, {})
  })

  step("lists of more than one page are cards on a phone and tables on a desktop", async () => {
    await page.goto(`${app.baseUrl}/portal/invoices`)
    await expectVisible(page.getByText("1–20 of 22"))
    const firstRow = page.locator(".doc-list tbody tr").first()
    await page.setViewportSize(VIEWPORTS.phone)
    expect(await firstRow.evaluate((el) => getComputedStyle(el).display)).toBe("grid")
    await page.setViewportSize(VIEWPORTS.desktop)
    expect(await firstRow.evaluate((el) => getComputedStyle(el).display)).toBe("table-row")
    await expectVisible(page.getByRole("columnheader", { name: "Balance" }))
    await checkPage("invoices-page-1")
    await Promise.all([page.waitForURL((url) => url.searchParams.get("offset") === "20"), page.getByRole("link", { name: "Next" }).click()])
    await expectVisible(page.getByText("21–22 of 22"))
    await checkPage("invoices-page-2")
    await page.goto(`${app.baseUrl}/portal/invoices?status=overdue`)
    await expectVisible(page.getByRole("link", { name: longInvoice.display_number }))
    await checkPage("invoices-overdue")
  })

  step("on a phone, checks two open invoices and pays them together: one Payment Element for the server's sum (issue #15 item 3)", async () => {
    await page.route(STRIPE_JS, (route) => route.fulfill({ status: 200, contentType: "application/javascript", body: STRIPE_JS_STUB }))
    await page.setViewportSize(VIEWPORTS.phone)
    await page.goto(`${app.baseUrl}/portal/invoices`)
    const first = page.locator(".doc-list tbody tr").first().getByRole("checkbox")
    const second = page.locator(".doc-list tbody tr").nth(1).getByRole("checkbox")
    await first.check()
    await second.check()
    expect(await first.isChecked()).toBe(true) // above the link that covers the card
    const before = fake.paymentIntents.size
    await Promise.all([page.waitForURL((url) => url.pathname === "/portal/payments"), page.getByRole("button", { name: "Pay the selected invoices" }).click()])
    await expectVisible(heading("Pay several invoices"))
    const intents = [...fake.paymentIntents.values()]
    expect(intents).toHaveLength(before + 1)
    const intent = intents[intents.length - 1]
    // The two invoices checked on this page (Call-outs of €80 and up), summed by the server.
    const rows = page.locator("[data-testid=batch-invoices] tbody tr")
    expect(await rows.count()).toBe(2)
    expect(intent.amount).toBeGreaterThanOrEqual(16000)
    const marker = page.locator("#payment-element [data-testid=stub-payment-element]")
    await expectVisible(marker)
    expect(await marker.getAttribute("data-client-secret")).toBe(intent.client_secret)
    await checkPage("pay-batch")
    await page.setViewportSize(VIEWPORTS.desktop)
    await page.unroute(STRIPE_JS)
  })

  step("a 14-line invoice stacks its lines on a phone", async () => {
    await page.goto(`${app.baseUrl}/portal/invoices/${longInvoice.id}`)
    await expectVisible(heading(new RegExp(`Invoice ${longInvoice.display_number}`)).getByText("Overdue"))
    expect(await page.locator("table.lines tbody tr").count()).toBe(14)
    await checkPage("invoice-long")
  })

  step("the estimates list shows a pending and an accepted estimate", async () => {
    await page.goto(`${app.baseUrl}/portal/estimates`)
    await expectVisible(page.locator(".doc-list .badge").filter({ hasText: "Pending" }))
    await expectVisible(page.locator(".doc-list .badge").filter({ hasText: "Accepted" }))
    await checkPage("estimates-two")
  })

  step("service history lists the accepted estimate, as cards on a phone", async () => {
    await page.getByRole("navigation", { name: "Portal" }).getByRole("link", { name: "Service history" }).click()
    await page.waitForURL((url) => url.pathname === "/portal/history")
    await expectVisible(page.getByRole("link", { name: `Estimate ${estimate.display_number} accepted` }))
    const firstRow = page.locator(".doc-list tbody tr").first()
    await page.setViewportSize(VIEWPORTS.phone)
    expect(await firstRow.evaluate((el) => getComputedStyle(el).display)).toBe("grid")
    await page.setViewportSize(VIEWPORTS.desktop)
    expect(await firstRow.evaluate((el) => getComputedStyle(el).display)).toBe("table-row")
    await checkPage("history")
  })

  step("a missing document answers the branded not-found page", async () => {
    const response = await page.goto(`${app.baseUrl}/portal/invoices/inv_missing`)
    expect(response?.status()).toBe(404)
    await checkPage("not-found")
  })

  step("the first Tab reaches a visible skip link to the content, and the page has a favicon", async () => {
    await page.goto(`${app.baseUrl}/portal`)
    expect(await page.locator('link[rel="icon"]').getAttribute("href")).toMatch(/^data:image\/svg\+xml,<svg /)
    await page.keyboard.press("Tab")
    const skip = page.getByRole("link", { name: "Skip to content" })
    expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true)
    const box = await skip.boundingBox()
    expect(box && box.y >= 0 && box.height > 0).toBe(true)
    await checkPage("skip-link-focused")
    await page.keyboard.press("Enter")
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("main")
  })

  step("an unknown portal path answers the branded not-found page", async () => {
    const response = await page.goto(`${app.baseUrl}/portal/no/such/page`)
    expect(response?.status()).toBe(404)
    await expectVisible(heading("Page not found"))
    await checkPage("unknown-path")
  })

  step("a form with a stale token shows the branded 'page expired' page, and its link leads back to the form", async () => {
    await page.goto(`${app.baseUrl}/portal/profile`)
    await page.locator('form[action="/portal/profile"] input[name="_csrf"]').evaluate((el) => ((el as HTMLInputElement).value = "stale"))
    await page.getByRole("button", { name: "Save changes" }).click()
    await expectVisible(heading("This page has expired"))
    await checkPage("csrf-expired")
    await page.getByRole("link", { name: "Reload the page and try again" }).click()
    await page.waitForURL((url) => url.pathname === "/portal/profile")
    await expectVisible(heading("Your profile"))
  })

  step("a light accent colour keeps Pay Now and links readable (axe colour contrast)", async () => {
    await adminApi("POST", "/admin/portal/settings", { accent_color: "#fde047" })
    try {
      for (const [name, path] of [
        ["invoice-light-accent", `/portal/invoices/${invoice.id}`],
        ["estimates-light-accent", "/portal/estimates"],
      ]) {
        await page.goto(`${app.baseUrl}${path}`)
        await checkPage(name)
      }
      await page.goto(`${app.baseUrl}/portal/invoices/${invoice.id}`)
      const payNow = page.getByRole("button", { name: "Pay Now" })
      expect(await payNow.evaluate((el) => [getComputedStyle(el).backgroundColor, getComputedStyle(el).color])).toEqual([
        "rgb(253, 224, 71)",
        "rgb(17, 24, 39)",
      ])
    } finally {
      await adminApi("POST", "/admin/portal/settings", { accent_color: "#2563eb" })
    }
  })

  step("a deposit (issue #15): announced while pending, asked after Approve, paid with the Stripe.js stub and Stripe's webhook", async () => {
    const draft = (
      await adminApi("POST", "/admin/estimates", {
        customer_id: customerId,
        currency_code: "eur",
        lines: [{ title: "Kitchen rewiring", quantity: 1, unit_price: 1000 }],
      })
    ).estimate
    expect((await adminApi("POST", `/admin/estimates/${draft.id}/deposit`, { type: "percent", value: 30 })).estimate.deposit_amount).toBe(300)
    const sent = (await adminApi("POST", `/admin/estimates/${draft.id}/send`, {})).estimate as { id: string; display_number: string }

    await page.goto(`${app.baseUrl}/portal/estimates/${sent.id}`)
    await expectVisible(page.getByText("Once you approve this estimate, you will be asked for a deposit of €300.00."))
    expect(await page.getByRole("button", { name: /Pay deposit/ }).count()).toBe(0)
    await page.getByRole("button", { name: "Approve" }).click()
    await page.getByLabel("Your full name").fill("Jane Cooper")
    await page.getByLabel("I accept these terms").check()
    await page.getByRole("button", { name: "Approve estimate" }).click()
    await page.waitForURL((url) => url.pathname === `/portal/estimates/${sent.id}` && url.searchParams.has("decided"))
    await expectVisible(page.getByRole("button", { name: "Pay deposit €300.00" }))
    await checkPage("estimate-deposit-due")

    await page.route(STRIPE_JS, (route) => route.fulfill({ status: 200, contentType: "application/javascript", body: STRIPE_JS_STUB }))
    const before = fake.paymentIntents.size
    await page.getByRole("button", { name: "Pay deposit €300.00" }).click()
    await page.waitForURL((url) => url.pathname === `/portal/estimates/${sent.id}/deposit`)
    await expectVisible(heading(`Pay the deposit on estimate ${sent.display_number}`))
    // One PaymentIntent, for the server's deposit amount, mounted with its client secret.
    expect(fake.paymentIntents.size).toBe(before + 1)
    const intent = [...fake.paymentIntents.values()].pop()!
    expect(intent).toEqual(expect.objectContaining({ amount: 30000, currency: "eur" }))
    const marker = page.locator("#payment-element [data-testid=stub-payment-element]")
    await expectVisible(marker)
    expect(await marker.getAttribute("data-client-secret")).toBe(intent.client_secret)
    await expectVisible(page.getByRole("button", { name: "Pay €300.00" }))
    await checkPage("deposit-pay")
    await page.unroute(STRIPE_JS)

    // The customer paid at Stripe; the signed webhook records the deposit once.
    await fake.sendWebhook(app.baseUrl, fake.succeed(intent.id))
    const deadline = Date.now() + 30_000
    let stored = (await adminApi("GET", `/admin/estimates/${sent.id}`)).estimate
    while (Number(stored.deposit_paid) !== 300 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250))
      stored = (await adminApi("GET", `/admin/estimates/${sent.id}`)).estimate
    }
    expect(Number(stored.deposit_paid)).toBe(300)
    await page.goto(`${app.baseUrl}/portal/estimates/${sent.id}/deposit/return?redirect_status=succeeded`)
    await expectVisible(heading("Thank you: deposit received"))
    await checkPage("deposit-paid")
    await page.getByRole("link", { name: `← Back to estimate ${sent.display_number}` }).click()
    await expectVisible(page.getByText("Thank you: your deposit is paid."))
    expect(await page.getByRole("button", { name: /Pay deposit/ }).count()).toBe(0)
  })

  step("a part payment (issue #15): the customer pays another amount, then sees Partially paid and what is still due", async () => {
    const draft = (
      await adminApi("POST", "/admin/invoices", { customer_id: customerId, currency_code: "eur", lines: [{ title: "Gutter repair", quantity: 1, unit_price: 200 }] })
    ).invoice
    const sent = (await adminApi("POST", `/admin/invoices/${draft.id}/send`, {})).invoice as { id: string; display_number: string }
    await adminApi("POST", `/admin/invoices/${sent.id}/payment-options`, { allow_partial_payments: true, partial_payment_minimum: 20 })

    await page.goto(`${app.baseUrl}/portal/invoices/${sent.id}`)
    await expectVisible(page.getByText("From €20.00 to €200.00. The rest stays due."))
    await checkPage("invoice-part-choice")
    await page.getByLabel("Pay another amount").check()
    await page.getByLabel("Amount (EUR)").fill("50")
    await page.route(STRIPE_JS, (route) => route.fulfill({ status: 200, contentType: "application/javascript", body: STRIPE_JS_STUB }))
    await page.getByRole("button", { name: "Pay Now" }).click()
    await page.waitForURL((url) => url.pathname === `/portal/invoices/${sent.id}/pay`)
    const intent = [...fake.paymentIntents.values()].pop()!
    expect(intent).toEqual(expect.objectContaining({ amount: 5000, currency: "eur" }))
    await expectVisible(page.getByTestId("part-payment"))
    await expectVisible(page.getByRole("button", { name: "Pay €50.00" }))
    expect(await page.locator("#payment-element [data-testid=stub-payment-element]").getAttribute("data-client-secret")).toBe(intent.client_secret)
    await checkPage("pay-part")
    await page.unroute(STRIPE_JS)

    await fake.sendWebhook(app.baseUrl, fake.succeed(intent.id))
    const deadline = Date.now() + 30_000
    let stored = (await adminApi("GET", `/admin/invoices/${sent.id}`)).invoice
    while (Number(stored.amount_paid) !== 50 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250))
      stored = (await adminApi("GET", `/admin/invoices/${sent.id}`)).invoice
    }
    expect(stored).toEqual(expect.objectContaining({ display_status: "partially_paid", amount_paid: 50 }))
    await page.goto(`${app.baseUrl}/portal/invoices/${sent.id}`)
    await expectVisible(heading(new RegExp(`Invoice ${sent.display_number}`)).getByText("Partially paid"))
    await expectVisible(page.locator(".due-amount").filter({ hasText: "€150.00" }))
    await checkPage("invoice-partially-paid")
  })

  step("signs out, sees the signed-out page, and asks for a new link on the login page", async () => {
    await page.getByRole("button", { name: "Sign out" }).click()
    await expectVisible(heading("You are signed out"))
    await checkPage("signed-out")
    await page.getByRole("link", { name: "Email me a new link" }).click()
    await page.waitForURL((url) => url.pathname === "/portal/login")
    await checkPage("login")
    sink.clear()
    await page.getByLabel("Email address").fill(CUSTOMER.email)
    await page.getByRole("button", { name: "Email me a link" }).click()
    await page.waitForLoadState()
    await checkPage("login-sent")
    const mail = await sink.waitFor((m) => (m.to as any)?.text?.includes(CUSTOMER.email))
    expect(mail.text).toMatch(/\/portal\/access\/[A-Za-z0-9_-]{43}/)
  })

  step("the estimate email's link lands on the estimate after the confirm step", async () => {
    await page.goto(estimateEmailLink)
    await checkPage("open-link-next")
    await Promise.all([
      page.waitForURL((url) => url.pathname === `/portal/estimates/${estimate.id}`),
      page.getByRole("button", { name: "Open my portal" }).click(),
    ])
    await expectVisible(heading(new RegExp(`Estimate ${estimate.display_number}`)))
  })

  step("a page opened signed out offers a new link that keeps the page", async () => {
    await page.getByRole("button", { name: "Sign out" }).click()
    await expectVisible(heading("You are signed out"))
    const response = await page.goto(`${app.baseUrl}/portal/invoices/${invoice.id}`)
    expect(response?.status()).toBe(401)
    await checkPage("signed-out-deep-link")
    await page.getByRole("link", { name: "Email me a new link" }).click()
    await page.waitForURL((url) => url.pathname === "/portal/login" && url.searchParams.get("next") === `/portal/invoices/${invoice.id}`)
    expect(await page.locator('input[name="next"]').inputValue()).toBe(`/portal/invoices/${invoice.id}`)
  })

  step("asking for links too often answers a branded 429 that says when to retry", async () => {
    let response: Awaited<ReturnType<Page["waitForNavigation"]>> = null
    for (let i = 0; i < 6 && response?.status() !== 429; i++) {
      await page.goto(`${app.baseUrl}/portal/login`)
      await page.getByLabel("Email address").fill(`someone-${i}@example.com`)
      ;[response] = await Promise.all([page.waitForNavigation(), page.getByRole("button", { name: "Email me a link" }).click()])
    }
    expect(response?.status()).toBe(429)
    await expectVisible(page.getByText(/Please try again in \d+ (seconds?|minutes?)\./))
    await checkPage("too-many-requests")
  })

  step("a revoked link names what happened and offers a new link", async () => {
    const copied = await adminApi("POST", `/admin/customers/${customerId}/portal-access/link`)
    await adminApi("DELETE", `/admin/customers/${customerId}/portal-access/links/${copied.link.id}`)
    const response = await page.goto(copied.link.url)
    expect(response?.status()).toBe(410)
    await expectVisible(heading("This link no longer works"))
    await expectVisible(page.getByRole("link", { name: "Email me a new link" }))
    await checkPage("link-revoked")
  })

  step("with access disabled, the emailed link points to the business, never to a new link", async () => {
    await adminApi("POST", `/admin/customers/${customerId}/portal-access/disable`)
    const response = await page.goto(invoiceEmailLink)
    expect(response?.status()).toBe(403)
    await expectVisible(heading("Your portal access is turned off"))
    expect(await page.getByText("Email me a new link").count()).toBe(0)
    await expectVisible(page.getByRole("link", { name: "Email Acme Plumbing" }))
    await checkPage("access-disabled")
  })

  step("with the portal turned off, the login page says so instead of offering a link", async () => {
    await adminApi("POST", "/admin/portal/settings", { enabled: false })
    try {
      const response = await page.goto(`${app.baseUrl}/portal/login`)
      expect(response?.status()).toBe(403)
      await expectVisible(heading("The portal is not available"))
      await checkPage("portal-off")
    } finally {
      await adminApi("POST", "/admin/portal/settings", { enabled: true })
    }
  })

  step("threw no uncaught error in any page", async () => {
    expect(browser.pageErrors).toEqual([])
  })
})
