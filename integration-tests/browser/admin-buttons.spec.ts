import fs from "fs"
import path from "path"
import type { ParsedMail } from "mailparser"
import type { Locator, Page } from "playwright-core"
import { SmtpSink, startSmtpSink } from "../utils/smtp-sink"
import { assertChromium, Browser, launchBrowser, screenshotter, stepRunner } from "./utils/browser"
import { HostApp, startHostApp } from "./utils/host-app"

/**
 * The admin buttons the main admin suite never clicks (issue #17): Edit, Delete, Void, Resend
 * (invoice and portal access), Revoke link, Enable portal access, Discard changes, removing a line,
 * the customer picker's Change, list pagination and every field of Settings → Customer Portal.
 * The data each step starts from is seeded through the admin API; after each click the step reads
 * the server's state back through the admin API (or the portal's own pages), not only the screen.
 * Screenshots go to artifacts/browser/admin-buttons/ (this suite's own folder: it empties only it).
 */

const ARTIFACTS = path.resolve(__dirname, "../../artifacts/browser/admin-buttons")
const LINK = /https?:\/\/[^\s"<>]+\/portal\/access\/[A-Za-z0-9_-]{43}/
const JANE = { first_name: "Jane", last_name: "Cooper", email: "jane.cooper@example.com" }
const SAM = { first_name: "Sam", last_name: "Okafor", email: "sam@example.com" }
const LEE = { first_name: "Lee", last_name: "Moreau", email: "lee.moreau@example.com" }

jest.setTimeout(90_000)

let app: HostApp
let sink: SmtpSink
let browser: Browser
let page: Page
let token: string
let janeId: string
let samId: string
let leeId: string
const shot = screenshotter(ARTIFACTS)

/** Runs a step; on failure saves a screenshot and Medusa's last log lines, and stops later steps. */
const step = stepRunner({ artifacts: ARTIFACTS, page: () => page, logTail: () => app?.logTail(40) })

/** The admin API's status and body, whatever the status. */
async function adminFetch(method: string, route: string, body?: unknown): Promise<{ status: number; data: any }> {
  const response = await fetch(`${app.baseUrl}${route}`, {
    method,
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await response.text()
  return { status: response.status, data: text ? JSON.parse(text) : null }
}

/** The admin API's body; throws unless it answered 2xx. */
async function adminApi<T = any>(method: string, route: string, body?: unknown): Promise<T> {
  const { status, data } = await adminFetch(method, route, body)
  if (status < 200 || status >= 300) {
    throw new Error(`${method} ${route} answered ${status}: ${JSON.stringify(data)}`)
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

const access = async (customerId: string) =>
  (await adminApi(`GET`, `/admin/customers/${customerId}/portal-access`)).portal_access as {
    status: string
    enabled: boolean
    last_sent_at: string | null
    links: { id: string }[]
  }

const getInvoice = async (id: string) => (await adminApi("GET", `/admin/invoices/${id}`)).invoice
const getEstimate = async (id: string) => (await adminApi("GET", `/admin/estimates/${id}`)).estimate

async function draftInvoice(customerId: string, lines: unknown[], extra: Record<string, unknown> = {}) {
  const { invoice } = await adminApi("POST", "/admin/invoices", { customer_id: customerId, currency_code: "eur", lines, ...extra })
  return invoice as { id: string }
}

/** The status a portal link's page answers with (GET, no redirect followed). */
async function linkStatus(url: string) {
  const response = await fetch(url, { redirect: "manual" })
  return { status: response.status, body: await response.text() }
}

const toCustomer = (email: string) => (mail: ParsedMail) =>
  !!mail.to && !Array.isArray(mail.to) && mail.to.text.includes(email)

/** A toast with this text, as Medusa's Toaster renders it. */
const toast = (text: string | RegExp) => page.locator("[data-sonner-toast]").filter({ hasText: text }).first()

async function expectVisible(locator: Locator, timeout?: number) {
  await locator.waitFor({ state: "visible", timeout })
}

/** Polls until `check` passes (the UI refetches after a mutation), then returns. */
async function eventually(check: () => Promise<void> | void, timeout = 10_000) {
  const until = Date.now() + timeout
  for (;;) {
    try {
      await check()
      return
    } catch (error) {
      if (Date.now() > until) throw error
      await new Promise((r) => setTimeout(r, 200))
    }
  }
}

/** Answers the Prompt (@medusajs/ui usePrompt) that an action opened with this button. */
async function answerPrompt(buttonText: string) {
  const dialog = page.getByRole("alertdialog")
  await expectVisible(dialog)
  await dialog.getByRole("button", { name: buttonText, exact: true }).click()
  await dialog.waitFor({ state: "detached" })
}

const money = (n: number) => `€${n.toFixed(2)}`

beforeAll(async () => {
  assertChromium()
  fs.rmSync(ARTIFACTS, { recursive: true, force: true })
  fs.mkdirSync(ARTIFACTS, { recursive: true })
  sink = await startSmtpSink()
  app = await startHostApp({ smtpPort: sink.port, logDir: path.join(ARTIFACTS, "logs") })

  token = await adminToken()
  janeId = (await adminApi("POST", "/admin/customers", JANE)).customer.id
  samId = (await adminApi("POST", "/admin/customers", SAM)).customer.id
  leeId = (await adminApi("POST", "/admin/customers", LEE)).customer.id
  const { stores } = await adminApi("GET", "/admin/stores")
  await adminApi("POST", `/admin/stores/${stores[0].id}`, {
    supported_currencies: [
      { currency_code: "eur", is_default: true },
      { currency_code: "usd", is_default: false },
    ],
  })
  // The portal is on, so links open and sent documents reach the customer.
  await adminApi("POST", "/admin/portal/settings", { enabled: true })

  browser = await launchBrowser({ origin: app.baseUrl, consoleLog: path.join(ARTIFACTS, "logs", "browser-console.log") })
  page = browser.page
}, 420_000)

afterAll(async () => {
  await browser?.stop()
  await app?.stop()
  await sink?.stop()
})

describe("admin buttons the main suite never clicks", () => {
  let editedId: string
  let sentId: string
  let sentNumber: string

  step("logs in to the admin", async () => {
    await page.goto(`${app.baseUrl}/app/login`)
    await page.locator('input[name="email"]').fill(app.adminEmail)
    await page.locator('input[name="password"]').fill(app.adminPassword)
    await page.getByRole("button", { name: "Continue with Email" }).click()
    await page.waitForURL((url) => !url.pathname.includes("/login"))
    await expectVisible(page.getByRole("link", { name: "Invoices" }).first())
  })

  step("Edit on a draft invoice: removes a line, changes the customer with Change, and the server has it", async () => {
    const invoice = await draftInvoice(janeId, [
      { title: "Gutter cleaning", quantity: 2, unit_price: 40 },
      { title: "Ladder hire", quantity: 1, unit_price: 15, tax_rate: 10 },
    ])
    editedId = invoice.id
    await page.goto(`${app.baseUrl}/app/invoices/${editedId}`)
    await expectVisible(page.getByRole("heading", { name: /Draft invoice/ }))
    expect(await page.getByTestId("document-line").count()).toBe(2)

    await page.getByRole("button", { name: "Edit", exact: true }).click()
    const modal = page.getByRole("dialog")
    await expectVisible(modal.getByRole("heading", { name: "Edit draft invoice" }))
    // The form starts from the saved draft: both lines, 80.00 + 15.00 + 1.50 tax.
    expect(await modal.getByTestId("line-row").count()).toBe(2)
    await expectVisible(modal.getByTestId("draft-total").filter({ hasText: money(96.5) }))
    await expectVisible(modal.getByTestId("customer-picker-selected").filter({ hasText: JANE.email }))

    // Remove line 2: the row goes and the preview drops its amount.
    await modal.getByRole("button", { name: "Remove line 2" }).click()
    expect(await modal.getByTestId("line-row").count()).toBe(1)
    expect(await modal.getByLabel("Line 1 title").inputValue()).toBe("Gutter cleaning")
    await expectVisible(modal.getByTestId("draft-total").filter({ hasText: money(80) }))
    await modal.getByLabel("Line 1 quantity").fill("3")
    await expectVisible(modal.getByTestId("draft-total").filter({ hasText: money(120) }))

    // Change: the picker goes back to its search box, and another customer is picked.
    await modal.getByTestId("customer-picker-selected").getByRole("button", { name: "Change" }).click()
    expect(await modal.getByTestId("customer-picker-selected").count()).toBe(0)
    await modal.getByPlaceholder("Search customers by name, email or company").fill("Okafor")
    await modal.getByRole("option", { name: /Sam Okafor/ }).click()
    await expectVisible(modal.getByTestId("customer-picker-selected").filter({ hasText: SAM.email }))
    await shot(page, "invoice-edit-form")

    await modal.getByRole("button", { name: "Save draft" }).click()
    await expectVisible(toast("Draft invoice saved"))
    await modal.waitFor({ state: "detached" })

    const saved = await getInvoice(editedId)
    expect(saved.status).toBe("draft")
    expect(saved.customer_id).toBe(samId)
    expect(saved.lines).toHaveLength(1)
    expect(saved.lines[0].title).toBe("Gutter cleaning")
    expect(Number(saved.lines[0].quantity)).toBe(3)
    expect(saved.lines.some((l: { title: string }) => l.title === "Ladder hire")).toBe(false)
    expect(Number(saved.total)).toBe(120)
    // The page shows the server's draft.
    await expectVisible(page.getByTestId("document-total").filter({ hasText: money(120) }))
    expect(await page.getByTestId("document-line").count()).toBe(1)
    await shot(page, "invoice-edited")
  })

  step("Cancel in the edit modal with unsaved changes leaves the draft as saved", async () => {
    // Issue #17 asks for the discard prompt here; the form has none (see the report): Cancel
    // closes the modal at once. What must hold either way: nothing typed is saved.
    await page.getByRole("button", { name: "Edit", exact: true }).click()
    const modal = page.getByRole("dialog")
    await expectVisible(modal.getByRole("heading", { name: "Edit draft invoice" }))
    await modal.getByLabel("Line 1 title").fill("Unsaved title")
    await modal.getByLabel("Notes for the customer").fill("Unsaved note")
    await modal.getByRole("button", { name: "Cancel", exact: true }).click()
    const prompt = page.getByRole("alertdialog")
    if (await prompt.isVisible()) {
      // Should the product gain the prompt, discarding is its confirm button.
      await prompt.getByRole("button").filter({ hasText: /Discard|Leave|Close/ }).first().click()
    }
    await modal.waitFor({ state: "detached" })

    const saved = await getInvoice(editedId)
    expect(saved.lines[0].title).toBe("Gutter cleaning")
    expect(saved.notes ?? null).toBeNull()
    // Reopening starts from the saved draft, not from what was typed.
    await page.getByRole("button", { name: "Edit", exact: true }).click()
    await expectVisible(modal.getByRole("heading", { name: "Edit draft invoice" }))
    expect(await modal.getByLabel("Line 1 title").inputValue()).toBe("Gutter cleaning")
    expect(await modal.getByLabel("Notes for the customer").inputValue()).toBe("")
    await modal.getByRole("button", { name: "Cancel", exact: true }).click()
    await modal.waitFor({ state: "detached" })
  })

  step("Delete on a draft invoice: Cancel keeps it, Delete confirmed removes it on the server", async () => {
    const invoice = await draftInvoice(janeId, [{ title: "To be deleted", quantity: 1, unit_price: 10 }])
    await page.goto(`${app.baseUrl}/app/invoices/${invoice.id}`)
    await expectVisible(page.getByRole("heading", { name: /Draft invoice/ }))

    await page.getByRole("button", { name: "Delete", exact: true }).click()
    await answerPrompt("Cancel")
    expect((await adminFetch("GET", `/admin/invoices/${invoice.id}`)).status).toBe(200)

    await page.getByRole("button", { name: "Delete", exact: true }).click()
    await answerPrompt("Delete")
    await expectVisible(toast("Draft invoice deleted"))
    await page.waitForURL((url) => url.pathname === "/app/invoices")
    expect((await adminFetch("GET", `/admin/invoices/${invoice.id}`)).status).toBe(404)
  })

  step("Edit and Delete on a draft estimate reach the server", async () => {
    const { estimate } = await adminApi("POST", "/admin/estimates", {
      customer_id: janeId,
      currency_code: "eur",
      lines: [{ title: "Roof inspection", quantity: 1, unit_price: 200 }],
    })
    await page.goto(`${app.baseUrl}/app/estimates/${estimate.id}`)
    await expectVisible(page.getByRole("heading", { name: /Draft estimate/ }))
    await page.getByRole("button", { name: "Edit", exact: true }).click()
    const modal = page.getByRole("dialog")
    await expectVisible(modal.getByRole("heading", { name: "Edit draft estimate" }))
    await modal.getByLabel("Line 1 unit price").fill("250")
    await modal.getByLabel("Line 1 tax rate").fill("20")
    await expectVisible(modal.getByTestId("draft-total").filter({ hasText: money(300) }))
    await modal.getByRole("button", { name: "Save draft" }).click()
    await expectVisible(toast("Draft estimate saved"))
    await modal.waitFor({ state: "detached" })
    const saved = await getEstimate(estimate.id)
    expect(Number(saved.lines[0].unit_price)).toBe(250)
    expect(Number(saved.lines[0].tax_rate)).toBe(20)
    expect(Number(saved.total)).toBe(300)
    await expectVisible(page.getByTestId("document-total").filter({ hasText: money(300) }))

    await page.getByRole("button", { name: "Delete", exact: true }).click()
    await answerPrompt("Delete")
    await expectVisible(toast("Draft estimate deleted"))
    await page.waitForURL((url) => url.pathname === "/app/estimates")
    expect((await adminFetch("GET", `/admin/estimates/${estimate.id}`)).status).toBe(404)
  })

  step("Resend on a sent invoice emails the customer again with a fresh link", async () => {
    const invoice = await draftInvoice(janeId, [{ title: "Drain unblocking", quantity: 1, unit_price: 99 }])
    sentId = invoice.id
    sentNumber = (await adminApi("POST", `/admin/invoices/${sentId}/send`)).invoice.display_number
    expect(sentNumber).toMatch(/^INV-\d+$/)
    await sink.waitFor(toCustomer(JANE.email), 20_000)
    const before = await access(janeId)
    const sentAt = (await getInvoice(sentId)).sent_at

    sink.clear()
    await page.goto(`${app.baseUrl}/app/invoices/${sentId}`)
    await expectVisible(page.getByRole("heading", { name: new RegExp(`Invoice ${sentNumber}`) }))
    await page.getByRole("button", { name: "Resend", exact: true }).click()
    await answerPrompt("Send again")
    await expectVisible(toast(`Invoice ${sentNumber} sent`))
    const mail = await sink.waitFor(toCustomer(JANE.email), 20_000)
    const link = mail.text!.match(LINK)![0]

    const after = await access(janeId)
    expect(after.links).toHaveLength(before.links.length + 1)
    const fresh = after.links.filter((l) => !before.links.some((b) => b.id === l.id))
    expect(fresh).toHaveLength(1)
    // The emailed link is live.
    expect((await linkStatus(link)).status).toBe(200)
    const resent = await getInvoice(sentId)
    expect(resent.status).toBe("sent")
    expect(resent.display_number).toBe(sentNumber)
    expect(new Date(resent.sent_at).getTime()).toBeGreaterThanOrEqual(new Date(sentAt).getTime())
  })

  step("Void on a sent invoice, confirmed, voids it on the server", async () => {
    await page.getByRole("button", { name: "Void", exact: true }).click()
    await answerPrompt("Cancel")
    expect((await getInvoice(sentId)).status).toBe("sent")

    await page.getByRole("button", { name: "Void", exact: true }).click()
    await answerPrompt("Void invoice")
    await expectVisible(toast(`Invoice ${sentNumber} voided`))
    const voided = await getInvoice(sentId)
    expect(voided.status).toBe("void")
    expect(voided.voided_at).toBeTruthy()
    // A void invoice has no action left.
    await eventually(async () => expect(await page.getByRole("button", { name: "Void", exact: true }).count()).toBe(0))
    expect(await page.getByRole("button", { name: "Record payment" }).count()).toBe(0)
    await shot(page, "invoice-voided")
  })

  step("Resend Portal Access emails a new link and the server records the send", async () => {
    const before = await access(janeId)
    expect(before.status).toBe("enabled")
    sink.clear()
    await page.goto(`${app.baseUrl}/app/customers/${janeId}`)
    const widget = page.getByTestId("customer-portal-widget")
    await widget.getByRole("button", { name: "Resend Portal Access" }).click()
    await expectVisible(toast("Portal access sent again"))
    const mail = await sink.waitFor(toCustomer(JANE.email), 20_000)
    const link = mail.text!.match(LINK)![0]
    const after = await access(janeId)
    expect(after.links).toHaveLength(before.links.length + 1)
    expect(new Date(after.last_sent_at!).getTime()).toBeGreaterThan(new Date(before.last_sent_at!).getTime())
    expect((await linkStatus(link)).status).toBe(200)
    await expectVisible(widget.getByText(`Live links (${after.links.length})`))
  })

  step("Revoke link on a live link: the server drops it and its portal URL answers 410", async () => {
    const { link } = await adminApi("POST", `/admin/customers/${leeId}/portal-access/link`)
    const live = await linkStatus(link.url)
    expect(live.status).toBe(200)
    expect(live.body).toContain("Open my portal")
    expect((await access(leeId)).links.map((l) => l.id)).toEqual([link.id])

    await page.goto(`${app.baseUrl}/app/customers/${leeId}`)
    const widget = page.getByTestId("customer-portal-widget")
    await expectVisible(widget.getByText("Live links (1)"))
    await widget.getByTestId("portal-live-link").getByRole("button", { name: "Revoke link" }).click()
    await answerPrompt("Revoke")
    await expectVisible(toast("Link revoked"))
    await expectVisible(widget.getByText("Live links (0)"))

    expect((await access(leeId)).links).toEqual([])
    const gone = await linkStatus(link.url)
    expect(gone.status).toBe(410)
    expect(gone.body).toContain("This link no longer works")
    await shot(page, "customer-link-revoked")
  })

  step("Enable portal access after Disable turns access back on on the server", async () => {
    const widget = page.getByTestId("customer-portal-widget")
    // Lee was only ever given a copied link, never sent access: that status comes back on Enable.
    const before = await access(leeId)
    expect(before).toMatchObject({ status: "never_sent", enabled: true })
    const badge = (await widget.getByTestId("portal-access-status").innerText()).trim()
    await widget.getByRole("button", { name: "Disable portal access" }).click()
    await answerPrompt("Disable access")
    await expectVisible(toast("Portal access disabled"))
    expect(await access(leeId)).toMatchObject({ status: "disabled", enabled: false })
    await expectVisible(widget.getByTestId("portal-access-status").filter({ hasText: "Disabled" }))
    await eventually(async () => expect(await widget.getByRole("button", { name: "Copy portal link" }).isDisabled()).toBe(true))

    await widget.getByRole("button", { name: "Enable portal access" }).click()
    await answerPrompt("Enable access")
    await expectVisible(toast("Portal access enabled"))
    expect(await access(leeId)).toMatchObject({ status: before.status, enabled: true })
    await expectVisible(widget.getByTestId("portal-access-status").filter({ hasText: badge }))
    expect(await widget.getByTestId("portal-access-status").filter({ hasText: "Disabled" }).count()).toBe(0)
    await expectVisible(widget.getByRole("button", { name: "Disable portal access" }))
    await eventually(async () => expect(await widget.getByRole("button", { name: "Copy portal link" }).isDisabled()).toBe(false))
    // A link made now opens the portal again.
    const { link } = await adminApi("POST", `/admin/customers/${leeId}/portal-access/link`)
    expect((await linkStatus(link.url)).status).toBe(200)
    await shot(page, "customer-access-re-enabled")
  })

  step("paginates the invoice list: Next shows the server's second page and the page stays in the URL", async () => {
    // Enough invoices for a second page of 3 rows (20 a page), each with its own total.
    const existing = (await adminApi("GET", "/admin/invoices?limit=1")).count as number
    for (let i = existing; i < 23; i++) {
      await draftInvoice(samId, [{ title: `Visit ${i}`, quantity: 1, unit_price: 500 + i }])
    }
    const first = await adminApi("GET", "/admin/invoices?limit=20&offset=0&order=-created_at")
    const second = await adminApi("GET", "/admin/invoices?limit=20&offset=20&order=-created_at")
    expect(first.count).toBe(23)
    expect(second.invoices).toHaveLength(3)
    const totals = (list: { total: number }[]) => list.map((inv) => money(Number(inv.total)))
    const rows = page.locator("tbody tr")

    await page.goto(`${app.baseUrl}/app/invoices`)
    await expectVisible(page.getByRole("heading", { name: "Invoices" }))
    await eventually(async () => expect(await rows.count()).toBe(20))
    await expectVisible(page.getByText("1 of 2 pages"))
    await expectVisible(rows.filter({ hasText: totals(first.invoices)[0] }).first())

    await page.getByRole("button", { name: "Next", exact: true }).click()
    await page.waitForURL(/[?&]offset=20\b/)
    await eventually(async () => expect(await rows.count()).toBe(3))
    await expectVisible(page.getByText("2 of 2 pages"))
    for (const total of totals(second.invoices)) {
      await expectVisible(rows.filter({ hasText: total }).first())
    }
    expect(await rows.filter({ hasText: totals(first.invoices)[0] }).count()).toBe(0)
    await shot(page, "invoices-page-2")

    // The page is in the URL: a reload stays on it.
    await page.reload()
    await expectVisible(page.getByRole("heading", { name: "Invoices" }))
    await eventually(async () => expect(await rows.count()).toBe(3))
    expect(new URL(page.url()).searchParams.get("offset")).toBe("20")
    for (const total of totals(second.invoices)) {
      await expectVisible(rows.filter({ hasText: total }).first())
    }

    await page.getByRole("button", { name: "Prev", exact: true }).click()
    await eventually(async () => expect(await rows.count()).toBe(20))
    expect(new URL(page.url()).searchParams.get("offset")).toBeNull()
  })

  step("Discard changes on Settings → Customer Portal puts the saved values back and saves nothing", async () => {
    const before = (await adminApi("GET", "/admin/portal/settings")).portal_settings
    await page.goto(`${app.baseUrl}/app/settings/customer-portal`)
    await expectVisible(page.getByRole("heading", { name: "Customer Portal" }))
    const payments = page.getByRole("switch", { name: "Allow Payments" })
    const paymentsBefore = await payments.getAttribute("aria-checked")
    await page.getByLabel("Business name").fill("Not kept")
    await payments.click()
    expect(await payments.getAttribute("aria-checked")).not.toBe(paymentsBefore)

    await page.getByRole("button", { name: "Discard changes" }).click()
    expect(await page.getByLabel("Business name").inputValue()).toBe(before.business_name ?? "")
    expect(await payments.getAttribute("aria-checked")).toBe(paymentsBefore)
    expect(await page.getByRole("button", { name: "Discard changes" }).count()).toBe(0)
    expect(await page.getByRole("button", { name: "Save" }).first().isDisabled()).toBe(true)
    expect((await adminApi("GET", "/admin/portal/settings")).portal_settings).toEqual(before)
  })

  step("every toggle and text field on Settings → Customer Portal is saved and still set after a reload", async () => {
    const before = (await adminApi("GET", "/admin/portal/settings")).portal_settings
    const switches: [string, string][] = [
      ["enabled", "Enable Customer Portal"],
      ["allow_payments", "Allow Payments"],
      ["allow_estimates", "Allow Estimates"],
      ["allow_invoices", "Allow Invoices"],
      ["allow_profile_updates", "Allow Profile Updates"],
      ["allow_service_history", "Allow Service History"],
    ]
    const texts: [string, string, string | number][] = [
      ["link_ttl_days", "Link lifetime (days)", before.link_ttl_days === 45 ? 46 : 45],
      ["business_name", "Business name", "Moreau & Fils Plumbing"],
      ["support_email", "Support email", "support@moreau.test"],
      ["logo_url", "Logo URL", "https://cdn.moreau.test/logo.png"],
      ["accent_color", "Accent colour", "#0f766e"],
      ["invoice_prefix", "Invoice prefix", "BILL-"],
      ["estimate_prefix", "Estimate prefix", "QUOTE-"],
      ["owner_notification_email", "Owner notification email", "owner@moreau.test"],
    ]
    for (const [key, value] of texts) {
      expect(before[key]).not.toBe(value)
    }

    await page.reload()
    await expectVisible(page.getByRole("heading", { name: "Customer Portal" }))
    for (const [key, label] of switches) {
      const toggle = page.getByRole("switch", { name: label })
      expect(await toggle.getAttribute("aria-checked")).toBe(String(before[key]))
      await toggle.click()
      expect(await toggle.getAttribute("aria-checked")).toBe(String(!before[key]))
    }
    for (const [, label, value] of texts) {
      await page.getByLabel(label, { exact: true }).fill(String(value))
    }
    await shot(page, "settings-every-field")
    await page.getByRole("button", { name: "Save" }).first().click()
    await expectVisible(toast("Portal settings saved"))

    const saved = (await adminApi("GET", "/admin/portal/settings")).portal_settings
    for (const [key] of switches) {
      expect({ [key]: saved[key] }).toEqual({ [key]: !before[key] })
    }
    for (const [key, , value] of texts) {
      expect({ [key]: saved[key] }).toEqual({ [key]: value })
    }

    await page.reload()
    await expectVisible(page.getByRole("heading", { name: "Customer Portal" }))
    for (const [key, label] of switches) {
      expect({ [key]: await page.getByRole("switch", { name: label }).getAttribute("aria-checked") }).toEqual({
        [key]: String(!before[key]),
      })
    }
    for (const [key, label, value] of texts) {
      expect({ [key]: await page.getByLabel(label, { exact: true }).inputValue() }).toEqual({ [key]: String(value) })
    }
    expect(await page.getByRole("button", { name: "Discard changes" }).count()).toBe(0)
    await shot(page, "settings-every-field-saved")
  })

  step("threw no uncaught error in any page", async () => {
    expect(browser.pageErrors).toEqual([])
  })
})
