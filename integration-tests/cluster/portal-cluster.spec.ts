import type { ParsedMail } from "mailparser"
import { Cluster, Instance, startCluster } from "./cluster"

const { cookieFrom, linkForm, openLink } = require("../../scripts/lib/portal-http")

/**
 * Issue #16: the portal across two servers and a worker on Medusa's Redis modules (see
 * cluster.ts). The tests run in order and build on each other: one customer, Pat, goes through
 * the portal with requests spread over servers A and B. Run with `npm run test:cluster`.
 */
jest.setTimeout(300_000)

const LOG_DIR = process.env.CLUSTER_LOG_DIR || "/tmp"
const say = (line: string) => process.stdout.write(`[cluster] ${line}\n`)

let c: Cluster
const state = {} as {
  customerId: string
  email: string
  invoice: { id: string; display_number: string; total: number }
  session: string
}

beforeAll(async () => {
  c = await startCluster({ logDir: LOG_DIR, log: say })
}, 900_000)

afterAll(async () => {
  await c?.stop()
}, 120_000)

// ── helpers ──────────────────────────────────────────────────────────────────

const admin = (on: Instance, method: string, path: string, body?: unknown, expect = [200]) =>
  on.http.request(method, path, { token: c.adminToken, body, expect }).then((r: any) => r.json)

const to = (mail: ParsedMail) => String((mail.to as any)?.text ?? "").toLowerCase()
const from = (mail: ParsedMail) => mail.from?.value[0]?.address
const mailsTo = (address: string, subject?: RegExp) =>
  c.sink.messages.filter((m) => to(m).includes(address) && (!subject || subject.test(m.subject ?? "")))

const count = async (sql: string, params: unknown[]) => Number((await c.db.query(sql, params)).rows[0].count)
const portalEvents = (type: string, subjectOrCustomer: string) =>
  count("select count(*) from portal_event where type = $1 and (subject_id = $2 or customer_id = $2)", [type, subjectOrCustomer])

const page = (on: Instance, path: string, expect = [200]) => on.http.request("GET", path, { cookie: state.session, expect })
const csrfOf = (html: string) => {
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1]
  if (!token) throw new Error("no CSRF token on the page")
  return token
}

async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms
  let value = await read()
  while (!ok(value) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 200))
    value = await read()
  }
  return value
}

/**
 * The customer's signed approval, as a browser posts the confirmation step (issue #14): the
 * typed name and the hash of the estimate as the confirmation page showed it.
 */
async function approveEstimate(on: Instance, estimateId: string) {
  const confirm = (await page(on, `/portal/estimates/${estimateId}/accept`)).text
  const hash = /name="estimate_hash" value="([^"]+)"/.exec(confirm)?.[1]
  if (!hash) throw new Error("no estimate_hash on the confirmation page")
  return on.http.request("POST", `/portal/estimates/${estimateId}/accept`, {
    cookie: state.session,
    form: { _csrf: csrfOf(confirm), estimate_hash: hash, full_name: "Pat Cluster" },
    expect: [303, 409],
  })
}

// ── the flows ────────────────────────────────────────────────────────────────

it("sends an invoice through server A; the worker emails the portal link, once", async () => {
  await admin(c.a, "POST", "/admin/portal/settings", {
    enabled: true,
    business_name: "Acme Cluster",
    owner_notification_email: "owner@cluster.test",
  })
  state.email = "pat@cluster.test"
  const { customer } = await admin(c.a, "POST", "/admin/customers", { email: state.email, first_name: "Pat", last_name: "Cluster" })
  state.customerId = customer.id
  const { invoice: draft } = await admin(c.a, "POST", "/admin/invoices", {
    customer_id: customer.id,
    currency_code: "eur",
    lines: [{ title: "Boiler service", quantity: 3, unit_price: 19.99 }],
  })
  const { invoice } = await admin(c.a, "POST", `/admin/invoices/${draft.id}/send`)
  state.invoice = { id: invoice.id, display_number: invoice.display_number, total: Number(invoice.total) }

  await c.sink.waitFor((m) => to(m).includes(state.email), 30_000)
  await c.settle()
  const mails = mailsTo(state.email)
  expect(mails).toHaveLength(1)
  expect(from(mails[0])).toBe(c.senderOf("worker"))
  expect(mails[0].text).toContain("/portal/access/")
  expect(await portalEvents("link_sent", state.customerId)).toBe(1)
})

it("opens the emailed link: its page served by A, its button pressed on B", async () => {
  const link = new URL(/https?:\/\/\S+\/portal\/access\/[^\s"<>]+/.exec(mailsTo(state.email)[0].text!)![0])
  const form = await linkForm(c.a.http, link.pathname)
  state.session = await openLink(c.b.http, link.pathname, form)
  expect(state.session).toMatch(/^portal_session=.+/)
  expect(await portalEvents("link_opened", state.customerId)).toBe(1)
})

it("the portal session works on both servers", async () => {
  for (const on of [c.a, c.b]) {
    const home = await page(on, "/portal")
    expect(home.text).toContain("Acme Cluster")
    const detail = await page(on, `/portal/invoices/${state.invoice.id}`)
    expect(detail.text).toContain(state.invoice.display_number)
  }
})

it("/portal/login's rate limit is one limit for A and B", async () => {
  // One client (as the load balancer reports it) asking for links for an unknown address.
  const client = { "x-forwarded-for": "203.0.113.9" }
  const ask = (on: Instance, expect: number[]) =>
    on.http.request("POST", "/portal/login", { headers: client, form: { email: "nobody@cluster.test" }, expect })
  for (const on of [c.a, c.b, c.a, c.b, c.a]) {
    await ask(on, [200])
  }
  const refusedOnB = await ask(c.b, [429])
  expect(Number(refusedOnB.headers.get("retry-after"))).toBeGreaterThan(0)
  await ask(c.a, [429])
})

it("settings changed on A are seen on B at once", async () => {
  // B reads (and caches) the settings first.
  expect((await c.b.http.request("GET", "/portal/login")).text).toContain("Acme Cluster")
  expect((await admin(c.b, "GET", "/admin/portal/settings")).portal_settings.business_name).toBe("Acme Cluster")
  // The copy lives in Redis (the Caching Module's Redis provider), not in B's memory.
  expect((await c.redis.keys("*portal:settings*")).length).toBeGreaterThan(0)

  await admin(c.a, "POST", "/admin/portal/settings", { business_name: "Acme Cluster Renamed" })
  expect((await c.b.http.request("GET", "/portal/login")).text).toContain("Acme Cluster Renamed")
  expect((await admin(c.b, "GET", "/admin/portal/settings")).portal_settings.business_name).toBe("Acme Cluster Renamed")
})

it("an estimate approved on B while a second approve hits A: one decision, one owner notification", async () => {
  const { estimate: draft } = await admin(c.a, "POST", "/admin/estimates", {
    customer_id: state.customerId,
    currency_code: "eur",
    lines: [{ title: "New boiler", quantity: 1, unit_price: 1450 }],
  })
  const { estimate } = await admin(c.a, "POST", `/admin/estimates/${draft.id}/send`)
  await c.settle()

  const answers = await Promise.all([approveEstimate(c.b, estimate.id), approveEstimate(c.a, estimate.id)])
  expect(answers.map((r: any) => r.status)).toContain(303)
  await c.settle()

  const { rows } = await c.db.query("select status from portal_estimate where id = $1", [estimate.id])
  expect(rows[0].status).toBe("accepted")
  // One signed record: the typed name, from one of the two servers' requests.
  const { rows: decisions } = await c.db.query("select decision, signed_name from portal_estimate_decision where estimate_id = $1", [estimate.id])
  expect(decisions).toEqual([{ decision: "accepted", signed_name: "Pat Cluster" }])
  expect(await portalEvents("estimate_accepted", estimate.id)).toBe(1)
  expect(await count("select count(*) from notification where channel = 'feed' and resource_id = $1", [estimate.id])).toBe(1)
  const ownerMails = mailsTo("owner@cluster.test").filter((m) => (m.text ?? "").includes(estimate.display_number))
  expect(ownerMails).toHaveLength(1)
  expect(from(ownerMails[0])).toBe(c.senderOf("worker"))
})

it("a Stripe webhook delivered to A and replayed to B pays the invoice once, with one receipt", async () => {
  const invoicePage = await page(c.a, `/portal/invoices/${state.invoice.id}`)
  await c.a.http.request("POST", `/portal/invoices/${state.invoice.id}/pay`, {
    cookie: state.session,
    form: { _csrf: csrfOf(invoicePage.text) },
  })
  const intents = [...c.stripe.paymentIntents.values()]
  expect(intents).toHaveLength(1)
  const event = c.stripe.succeed(intents[0].id)
  expect((await c.stripe.sendWebhook(c.a.url, event)).status).toBe(200)
  expect((await c.stripe.sendWebhook(c.b.url, event)).status).toBe(200)

  // Medusa handles a webhook 5 s after acknowledging it; settle() waits for both deliveries.
  const paid = await until(
    async () => (await c.db.query("select status, amount_paid from portal_invoice where id = $1", [state.invoice.id])).rows[0],
    (row) => row.status === "paid"
  )
  expect(paid.status).toBe("paid")
  await c.settle(2000)
  expect(await count("select count(*) from portal_invoice_payment where invoice_id = $1", [state.invoice.id])).toBe(1)
  expect(Number((await c.db.query("select amount_paid from portal_invoice where id = $1", [state.invoice.id])).rows[0].amount_paid)).toBe(
    state.invoice.total
  )
  expect(await portalEvents("payment_recorded", state.invoice.id)).toBe(1)
  const receipts = mailsTo(state.email, /Receipt for invoice/)
  expect(receipts).toHaveLength(1)
  expect(from(receipts[0])).toBe(c.senderOf("worker"))
})

/**
 * What a send left behind: `draft` (nothing happened), `sent` (number, payment collection,
 * activity entry, the customer's email from the worker), `sent, not notified` (the send's own
 * writes are whole, but the server died before the workflow's last steps: no event was queued, so
 * no email, and maybe no activity entry; the owner's resend completes it), or `broken` (anything
 * else: a half-written step, two collections, a second email).
 */
async function sendOutcome(invoiceId: string, linkTable: string) {
  const invoice = (await c.db.query("select status, display_number from portal_invoice where id = $1", [invoiceId])).rows[0]
  const logged = await portalEvents("invoice_sent", invoiceId)
  const collections = await count(`select count(*) from "${linkTable}" where portal_invoice_id = $1 and deleted_at is null`, [invoiceId])
  const emails = invoice.display_number ? mailsTo(state.email).filter((m) => (m.text ?? "").includes(invoice.display_number)).length : 0
  const facts = { ...invoice, logged, collections, emails }
  if (invoice.status === "draft" && !invoice.display_number && logged + collections + emails === 0) return { kind: "draft", facts }
  if (invoice.status === "sent" && invoice.display_number && logged === 1 && collections === 1 && emails === 1) return { kind: "sent", facts }
  if (invoice.status === "sent" && invoice.display_number && logged <= 1 && collections <= 1 && emails === 0) {
    return { kind: "sent, not notified", facts }
  }
  return { kind: "broken", facts }
}

it("an overdue reminder due while the job runs on the worker and A and B run it too: one email", async () => {
  const { customer } = await admin(c.a, "POST", "/admin/customers", { email: "rem@cluster.test", first_name: "Rem", last_name: "Cluster" })
  const { invoice: draft } = await admin(c.a, "POST", "/admin/invoices", {
    customer_id: customer.id,
    currency_code: "eur",
    issue_date: new Date(Date.now() - 22 * 24 * 3600_000).toISOString(),
    due_date: new Date(Date.now() - 8 * 24 * 3600_000).toISOString(),
    lines: [{ title: "Drain cleaning", quantity: 1, unit_price: 120 }],
  })
  await admin(c.a, "POST", `/admin/invoices/${draft.id}/send`)
  await c.sink.waitFor((m) => to(m).includes("rem@cluster.test"), 30_000)
  await c.settle()
  // Sent three weeks ago (the invoice email already left): its first reminder after the due date is due now.
  await c.db.query("update portal_invoice set sent_at = now() - interval '21 days' where id = $1", [draft.id])
  await admin(c.b, "POST", "/admin/portal/settings", {
    reminders_enabled: true,
    reminder_days_before: 3,
    reminder_on_due_date: true,
    reminder_every_days_after: 7,
    reminder_max: 3,
  })
  // At the top of the minute the worker's job fires; A and B run the same workflow at that moment.
  await new Promise((r) => setTimeout(r, 60_000 - (Date.now() % 60_000) + 50))
  const runs = await Promise.all([
    admin(c.a, "POST", "/admin/portal/reminders/run", {}),
    admin(c.b, "POST", "/admin/portal/reminders/run", {}),
    admin(c.a, "POST", "/admin/portal/reminders/run", {}),
  ])
  await until(() => count("select count(*) from portal_reminder where invoice_id = $1 and status = 'sent'", [draft.id]), (n) => n > 0)
  await new Promise((r) => setTimeout(r, 5_000))
  await c.settle()

  const reminders = mailsTo("rem@cluster.test", /^Reminder:/)
  say(`reminder runs on A/B: ${JSON.stringify(runs.map((r) => r.reminders))}; sent by ${reminders.map(from).join(", ")}`)
  expect(reminders).toHaveLength(1)
  expect(reminders[0].subject).toMatch(/is 8 days overdue$/)
  expect(reminders[0].text).toContain(`next=${encodeURIComponent(`/portal/invoices/${draft.id}`)}`)
  expect(await count("select count(*) from portal_reminder where invoice_id = $1", [draft.id])).toBe(1)
  expect(await portalEvents("reminder_sent", draft.id)).toBe(1)

  // The worker's job, on its own: a second overdue invoice is reminded by it (no route called),
  // and its runs send nothing more for the first one.
  const { invoice: draft2 } = await admin(c.a, "POST", "/admin/invoices", {
    customer_id: customer.id,
    currency_code: "eur",
    issue_date: new Date(Date.now() - 22 * 24 * 3600_000).toISOString(),
    due_date: new Date(Date.now() - 8 * 24 * 3600_000).toISOString(),
    lines: [{ title: "Gutter repair", quantity: 1, unit_price: 90 }],
  })
  const { invoice: second } = await admin(c.a, "POST", `/admin/invoices/${draft2.id}/send`)
  await c.db.query("update portal_invoice set sent_at = now() - interval '21 days' where id = $1", [draft2.id])
  const byJob = await c.sink.waitFor(
    (m) => to(m).includes("rem@cluster.test") && /^Reminder:/.test(m.subject ?? "") && (m.subject ?? "").includes(second.display_number),
    130_000
  )
  expect(from(byJob)).toBe(c.senderOf("worker"))
  await new Promise((r) => setTimeout(r, 61_000 - (Date.now() % 60_000)))
  await c.settle()
  expect(mailsTo("rem@cluster.test", /^Reminder:/)).toHaveLength(2)
  expect(await count("select count(*) from portal_reminder where invoice_id = $1", [draft.id])).toBe(1)
})

it("server A killed mid-run: B keeps answering, nothing is lost (the worker emails what A owed), A rejoins after a restart", async () => {
  const drafts: string[] = []
  for (let i = 0; i < 6; i++) {
    const { invoice } = await admin(c.a, "POST", "/admin/invoices", {
      customer_id: state.customerId,
      currency_code: "eur",
      lines: [{ title: `Visit ${i + 1}`, quantity: 1, unit_price: 80 }],
    })
    drafts.push(invoice.id)
  }

  // Customers keep using B the whole time.
  const onB: number[] = []
  let browsing = true
  const browse = (async () => {
    while (browsing) {
      onB.push((await page(c.b, "/portal", [200, 500, 502, 503])).status)
      await new Promise((r) => setTimeout(r, 50))
    }
  })()

  // The owner sends six invoices through A; A dies as the first answer comes back.
  const sends = drafts.map((id) =>
    c.a.http.request("POST", `/admin/invoices/${id}/send`, { token: c.adminToken, expect: [200] }).then(
      () => "answered",
      () => "lost"
    )
  )
  await Promise.race([...sends, new Promise((r) => setTimeout(r, 5000))])
  await c.a.kill()
  const answers = await Promise.all(sends)
  await new Promise((r) => setTimeout(r, 1000))
  browsing = false
  await browse
  expect(onB.length).toBeGreaterThan(5)
  expect(onB.every((s) => s === 200)).toBe(true)

  await c.settle(2000)
  const linkTable = (
    await c.db.query("select table_name from information_schema.tables where table_name like '%portal_invoice%payment_collection%'")
  ).rows[0].table_name as string
  const outcomes = await Promise.all(drafts.map((id) => sendOutcome(id, linkTable)))
  say(`kill: A's answers ${answers.join(", ")}; invoices ${outcomes.map((o) => o.kind).join(", ")}; ${onB.length} requests to B, all 200`)
  expect(outcomes.filter((o) => o.kind === "broken")).toEqual([])
  // A send A answered is complete: nothing the owner was told happened is lost.
  answers.forEach((answer, i) => answer === "answered" && expect(outcomes[i].kind).toBe("sent"))
  // No number was given twice.
  const numbers = outcomes.map((o) => o.facts.display_number).filter(Boolean)
  expect(new Set(numbers).size).toBe(numbers.length)

  // A comes back and rejoins: health, a customer's page, and the owner's sends go through it again.
  await c.a.start()
  expect((await c.a.http.request("GET", "/health")).status).toBe(200)
  expect((await page(c.a, "/portal")).text).toContain("Acme Cluster Renamed")

  // An invoice left "sent, not notified" owes its email (recorded with the send): the worker's
  // send-due-portal-emails job delivers it, once, after the subscriber's grace minute.
  const unfinished = drafts.filter((_, i) => outcomes[i].kind === "sent, not notified")
  const restarted = Date.now()
  for (const id of unfinished) {
    const after = await until(() => sendOutcome(id, linkTable), (o) => o.facts.emails >= 1, 180_000)
    expect(after.facts).toEqual(expect.objectContaining({ status: "sent", emails: 1 }))
  }
  const owed = mailsTo(state.email).filter((m) =>
    unfinished.some((id) => outcomes[drafts.indexOf(id)].facts.display_number && (m.text ?? "").includes(outcomes[drafts.indexOf(id)].facts.display_number))
  )
  expect(owed.every((m) => from(m) === c.senderOf("worker"))).toBe(true)
  say(`the worker's job emailed ${unfinished.length} sends A left unfinished, ${((Date.now() - restarted) / 1000).toFixed(0)} s after A restarted`)

  // A draft left untouched is sent through the restarted A, completely.
  const draftsLeft = drafts.filter((_, i) => outcomes[i].kind === "draft")
  for (const id of draftsLeft) {
    const answer = await until(
      () => c.a.http.request("POST", `/admin/invoices/${id}/send`, { token: c.adminToken, expect: [200, 409] }),
      (r: any) => r.status === 200,
      120_000
    )
    expect(answer.status).toBe(200)
  }
  await c.settle(2000)
  for (const id of draftsLeft) {
    const after = await until(() => sendOutcome(id, linkTable), (o) => o.kind === "sent", 30_000)
    expect(after.kind).toBe("sent")
  }
}, 480_000)
