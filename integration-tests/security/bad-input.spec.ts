import { drainEventBus } from "../utils/drain"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import fc from "fast-check"
import { AdminConvertEstimate, AdminCreateEstimate, AdminReviseEstimate, AdminSetEstimateDeposit, AdminUpdateEstimate } from "../../src/api/admin/estimates/validators"
import {
  AdminCreateInvoice,
  AdminInvoicePaymentOptions,
  AdminRecordInvoicePayment,
  AdminRefundInvoicePayment,
  AdminUpdateInvoice,
} from "../../src/api/admin/invoices/validators"
import { AdminRunReminders, AdminUpdatePortalSettings } from "../../src/api/admin/portal/settings/validators"
import { AdminSendStatement, AdminSetPortalLocale, AdminSetRemindersOptOut } from "../../src/api/admin/customers/validators"
import { NoBody, StoreDecision, StorePaymentSession } from "../../src/api/portal/validators"
import { StorePortalAuth, StoreRemindersOptOut } from "../../src/api/store/portal/validators"
import { StorePortalPayment } from "../../src/api/store/portal/payments/validators"
import { PortalProfileInput } from "../../src/lib/profile-input"
import { noRedirect } from "../http/portal/helpers"
import { FUTURE, seedEstimate, seedInvoice } from "../utils/portal"
import { bodyFor, enc, formFor, nastyString, queryFor, show } from "./arbitraries"
import { adminHeaders, createAdminUser, createCustomer, csrfFor, PORTAL_TABLES, portalService, publishableKey, sessionsFor } from "./fixtures"

jest.setTimeout(600_000)

/**
 * Issue #10, bad input: property-based (fast-check) over every body and query of the admin,
 * portal-page and storefront routes. Whatever arrives, the answer is a 4xx or a success — never a
 * 5xx; a refusal carries a message (JSON `message`, or an HTML page for portal forms); a body the
 * route's own zod schema refuses is never accepted; and a refused request changes no row (a
 * checksum of every Portal table and the customer tables before and after).
 *
 * Reproduce a failure with the printed seed: SEED=<n> (and the counterexample shown).
 */
const SEED = Number(process.env.SEED ?? 20261201)
/** Runs per target; the totals per family are printed, and the file asserts ≥ 10 000 overall. */
const RUNS = Number(process.env.BAD_INPUT_RUNS ?? 310)

type Face = "json" | "page"
type Input = { json?: unknown; raw?: string; form?: string; query?: string; pathId?: string; headers?: Record<string, string> }
type Target = {
  name: string
  method: "GET" | "POST" | "DELETE"
  face: Face
  path: (input: Input) => string
  arb: fc.Arbitrary<Input>
  /** The route's own schema: a body it refuses must never be accepted. */
  schema?: { safeParse: (v: unknown) => { success: boolean } }
  headers: Record<string, string>
  runs?: number
  /** A request that never legitimately writes (GET, refusal-only forms). */
  readOnly?: boolean
}

const TABLES = [...PORTAL_TABLES, "customer", "customer_address"]
// A refused link open is audited by design (a link_open_failed event, which also feeds the rate limit):
// that row is the refusal's own record, so it is left out; every other row of every table counts.
const rowsOf = (t: string) => (t === "portal_event" ? `${t} x WHERE x.type <> 'link_open_failed'` : `${t} x`)
const CHECKSUM_SQL = `SELECT ${TABLES.map((t) => `(SELECT md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) FROM ${rowsOf(t)}) AS ${t}`).join(", ")}`
/** Inputs sent at once per generated batch (one checksum per batch keeps 10 000 inputs under a few minutes). */
const BATCH = Number(process.env.BAD_INPUT_BATCH ?? 10)

const totals: Record<string, number> = {}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    const checksum = async () => (await dbConnection.raw(CHECKSUM_SQL)).rows[0] as Record<string, string>
    const changedTables = (a: Record<string, string>, b: Record<string, string>) => TABLES.filter((t) => a[t] !== b[t])

    async function world() {
      const container = getContainer()
      await createAdminUser(adminHeaders, container)
      await portalService(container).updateSettings({
        enabled: true,
        allow_payments: true,
        allow_estimates: true,
        allow_invoices: true,
        allow_profile_updates: true,
        allow_service_history: true,
      })
      const pk = await publishableKey(container)
      const customer = (await createCustomer(container, { first_name: "Alicia" })) as any
      const s = await sessionsFor(api, customer.id, pk)
      const inv = {
        draft: await seedInvoice(container, customer.id, "draft"),
        draft2: await seedInvoice(container, customer.id, "draft"),
        sent: await seedInvoice(container, customer.id, "sent"),
        sent2: await seedInvoice(container, customer.id, "sent"),
      }
      const est = {
        draft: await seedEstimate(container, customer.id, "draft"),
        draft2: await seedEstimate(container, customer.id, "draft"),
        sent: await seedEstimate(container, customer.id, "sent"),
        sent2: await seedEstimate(container, customer.id, "sent"),
        accepted: await seedEstimate(container, customer.id, "accepted"),
        rejected: await seedEstimate(container, customer.id, "rejected"),
      }
      return { pk, customer, ...s, inv, est }
    }

    async function send(target: Target, input: Input) {
      const headers: Record<string, string> = { ...target.headers, ...input.headers }
      let data: unknown = undefined
      if (input.form !== undefined) {
        headers["content-type"] = "application/x-www-form-urlencoded"
        data = input.form
      } else if (input.raw !== undefined || input.json !== undefined) {
        headers["content-type"] = "application/json"
        data = input.raw ?? JSON.stringify(input.json)
      }
      const config = { ...noRedirect, headers, responseType: "text" as const, transformResponse: (x: unknown) => x, timeout: 30_000 }
      const path = target.path(input)
      if (target.method === "GET") return api.get(path, config)
      if (target.method === "DELETE") return api.delete(path, config)
      return api.post(path, data ?? "", config)
    }

    /** The body as the server's JSON parser sees it, or `undefined` when it cannot parse. */
    const parsedBody = (input: Input) => {
      try {
        return input.raw !== undefined ? JSON.parse(input.raw) : JSON.parse(JSON.stringify(input.json ?? {}))
      } catch {
        return undefined
      }
    }

    /** Problems with one response (status, message, schema), without the row check. */
    function responseProblems(target: Target, input: Input, response: any) {
      const text = String(response.data ?? "")
      const problems: string[] = []
      if (response.status >= 500) problems.push(`answered ${response.status}: ${text.slice(0, 200)}`)
      // 414 / 431: Node's HTTP parser refuses an oversized request line before any app code runs (no body).
      if (response.status >= 400 && response.status < 500 && response.status !== 431 && response.status !== 414) {
        let message: unknown
        try {
          message = JSON.parse(text).message
        } catch {
          message = undefined
        }
        const jsonMessage = typeof message === "string" && message.length > 0
        const htmlMessage = String(response.headers["content-type"]).startsWith("text/html") && /<(h1|p)[^>]*>[^<]{3,}/.test(text)
        // Pages answer an HTML page; a JSON { message } is accepted too (Medusa's body parser and error
        // handler answer JSON before the page code runs: malformed JSON, not-found ids).
        if (target.face === "json" ? !jsonMessage : !(htmlMessage || jsonMessage)) {
          problems.push(`${response.status} without ${target.face === "json" ? "a JSON message" : "a message (HTML page or JSON)"}: ${text.slice(0, 200)}`)
        }
      }
      if (target.schema && input.form === undefined && response.status < 400) {
        const body = parsedBody(input)
        if (body === undefined || !target.schema.safeParse(body).success) {
          problems.push(`accepted (${response.status}) a body its schema refuses`)
        }
      }
      return problems
    }

    /** Waits until the work a success started in the background (emails, events) has finished. */
    async function settled() {
      await drainEventBus(getContainer())
      return checksum()
    }

    /**
     * One batch of inputs sent together. When every request of the batch was refused (or the target
     * never writes), no row may have changed; a batch with a success settles and starts a new baseline.
     */
    async function checkBatch(target: Target, inputs: Input[], state: { rows: Record<string, string> }) {
      const responses = await Promise.all(inputs.map((input) => send(target, input)))
      const problems = responses.flatMap((response, i) => responseProblems(target, inputs[i], response).map((p) => `#${i}: ${p}`))
      const succeeded = responses.some((r) => r.status < 400)
      const after = succeeded && !target.readOnly ? await settled() : await checksum()
      if (!succeeded || target.readOnly) {
        const changed = changedTables(state.rows, after)
        if (changed.length) {
          problems.push(`${target.readOnly ? "read-only" : `refused (${responses.map((r) => r.status).join(",")})`} requests changed ${changed.join(", ")}`)
        }
      }
      state.rows = after
      return problems
    }

    async function fuzz(family: string, targets: Target[]) {
      const failures: string[] = []
      let runs = 0
      for (const [i, target] of targets.entries()) {
        const numRuns = target.runs ?? RUNS
        // Every input runs (a failure does not stop the run, so the counts hold); a target that failed
        // is then run again with the same seed, throwing, so fast-check shrinks its first failure.
        const bad: { input: Input[]; problems: string[] }[] = []
        const state = { rows: await settled() }
        const batches = fc.array(target.arb, { minLength: BATCH, maxLength: BATCH })
        await fc.check(
          fc.asyncProperty(batches, async (inputs) => {
            runs += inputs.length
            const problems = await checkBatch(target, inputs, state)
            if (problems.length) bad.push({ input: inputs, problems })
          }),
          { seed: SEED + i, numRuns: Math.ceil(numRuns / BATCH), interruptAfterTimeLimit: 180_000 }
        )
        if (!bad.length) continue
        // Shrink the first failure: the same seed, one input at a time, throwing.
        state.rows = await settled()
        const details = await fc.check(
          fc.asyncProperty(target.arb, async (input) => {
            const problems = await checkBatch(target, [input], state)
            if (problems.length) throw new Error(problems.join("; "))
          }),
          { seed: SEED + i, numRuns, endOnFailure: false, interruptAfterTimeLimit: 60_000 }
        )
        const ce = details.failed ? details.counterexample?.[0] : bad[0].input
        const error = details.failed ? String((details.errorInstance as Error | undefined)?.message ?? details.errorInstance) : bad[0].problems.join("; ")
        const kinds = [...new Set(bad.flatMap((b) => b.problems.map((p) => p.replace(/^#\d+: /, "").replace(/:.*/s, ""))))].slice(0, 4)
        const known = /profile/.test(target.name) && bad.every((b) => JSON.stringify(b.input).includes("\\u0000")) ? " [KNOWN: NUL byte in a profile field, fix in progress]" : ""
        failures.push(
          `${target.name}${known}: ${bad.length}/${Math.ceil(numRuns / BATCH)} batches of ${BATCH} fail (${kinds.join(" | ")}); minimal (seed ${SEED + i}): ${show(ce)} → ${error.split("\n")[0].slice(0, 300)}`
        )
      }
      totals[family] = runs
      console.log(`bad input [${family}] seed ${SEED}: ${runs} generated inputs over ${targets.length} targets, ${failures.length} failing targets`)
      return failures
    }

    const line = { title: "Boiler service", quantity: 3, unit_price: 19.99 }
    const json = (headers: Record<string, string>) => ({ face: "json" as const, headers })

    it("admin routes: every body and query → 4xx with a message or success, never 5xx; refusals change nothing", async () => {
      const w = await world()
      const A = adminHeaders.headers
      const doc = { customer_id: w.customer.id, currency_code: "eur", lines: [line] }
      const targets: Target[] = [
        { name: "POST /admin/invoices", method: "POST", path: () => "/admin/invoices", arb: bodyFor(doc, ["notes", "internal_note", "issue_date", "due_date", "metadata", "total", "status"]), schema: AdminCreateInvoice, ...json(A) },
        { name: "POST /admin/invoices (line fields)", method: "POST", path: () => "/admin/invoices", arb: bodyFor(line, ["description", "tax_rate", "total"]).map((b) => (b.json !== undefined ? { json: { ...doc, lines: [b.json] } } : b)), schema: AdminCreateInvoice, ...json(A) },
        { name: "POST /admin/invoices/:id (draft)", method: "POST", path: () => `/admin/invoices/${w.inv.draft.id}`, arb: bodyFor({ notes: "n", lines: [line] }, ["customer_id", "currency_code", "due_date", "status", "display_number"]), schema: AdminUpdateInvoice, ...json(A) },
        { name: "POST /admin/invoices/:id/payments", method: "POST", path: () => `/admin/invoices/${w.inv.sent.id}/payments`, arb: bodyFor({ amount: 1, method: "cash", reference: "r" }, ["paid_at"]), schema: AdminRecordInvoicePayment, ...json(A) },
        { name: "POST /admin/invoices/:id/payment-options", method: "POST", path: () => `/admin/invoices/${w.inv.draft.id}/payment-options`, arb: bodyFor({ allow_partial_payments: true, partial_payment_minimum: 10 }), schema: AdminInvoicePaymentOptions, ...json(A) },
        // The seeded invoice has no online payment: every refund is refused with a message, and changes nothing.
        { name: "POST /admin/invoices/:id/refunds", method: "POST", path: () => `/admin/invoices/${w.inv.sent.id}/refunds`, arb: bodyFor({ amount: 1, note: "n" }, ["payment_id"]), schema: AdminRefundInvoicePayment, ...json(A) },
        { name: "POST /admin/invoices/:id/send", method: "POST", path: () => `/admin/invoices/${w.inv.draft2.id}/send`, arb: bodyFor({}, ["email", "to"]), ...json(A), runs: 150 },
        { name: "POST /admin/invoices/:id/void", method: "POST", path: () => `/admin/invoices/${w.inv.sent2.id}/void`, arb: bodyFor({}, ["reason"]), ...json(A), runs: 150 },
        { name: "POST /admin/estimates", method: "POST", path: () => "/admin/estimates", arb: bodyFor(doc, ["notes", "valid_until", "total", "status"]), schema: AdminCreateEstimate, ...json(A) },
        { name: "POST /admin/estimates/:id (draft)", method: "POST", path: () => `/admin/estimates/${w.est.draft.id}`, arb: bodyFor({ notes: "n", valid_until: FUTURE }, ["lines", "customer_id", "status"]), schema: AdminUpdateEstimate, ...json(A) },
        { name: "POST /admin/estimates/:id/send", method: "POST", path: () => `/admin/estimates/${w.est.draft2.id}/send`, arb: bodyFor({}, ["email"]), ...json(A), runs: 150 },
        { name: "POST /admin/estimates/:id/convert", method: "POST", path: () => `/admin/estimates/${w.est.accepted.id}/convert`, arb: bodyFor({ due_date: FUTURE }), schema: AdminConvertEstimate, ...json(A) },
        // Takes no input: every field is refused (400); an empty body revises once, then 409s.
        { name: "POST /admin/estimates/:id/revise", method: "POST", path: () => `/admin/estimates/${w.est.rejected.id}/revise`, arb: bodyFor({}, ["display_number", "lines", "customer_id", "revision"]), schema: AdminReviseEstimate, ...json(A), runs: 150 },
        { name: "POST /admin/portal/settings", method: "POST", path: () => "/admin/portal/settings", arb: bodyFor({ business_name: "Acme", support_email: "help@acme.test", accent_color: "#2563eb", link_ttl_days: 30, approval_terms: "Deposit 30%" }, ["enabled", "logo_url", "invoice_prefix", "estimate_prefix", "owner_notification_email", "allow_payments", "approval_requires_name", "payment_instructions", "business_address", "tax_id", "allow_partial_payments", "partial_payment_minimum", "default_locale", "reminders_enabled", "reminder_days_before", "reminder_on_due_date", "reminder_every_days_after", "reminder_max"]), schema: AdminUpdatePortalSettings, ...json(A) },
        { name: "POST /admin/customers/:id/portal-access/locale", method: "POST", path: () => `/admin/customers/${w.customer.id}/portal-access/locale`, arb: bodyFor({ locale: "es" }, ["email"]), schema: AdminSetPortalLocale, ...json(A), runs: 150 },
        { name: "POST /admin/customers/:id/portal-access/reminders", method: "POST", path: () => `/admin/customers/${w.customer.id}/portal-access/reminders`, arb: bodyFor({ opt_out: true }, ["customer_id"]), schema: AdminSetRemindersOptOut, ...json(A), runs: 150 },
        { name: "POST /admin/portal/reminders/run", method: "POST", path: () => "/admin/portal/reminders/run", arb: bodyFor({}, ["now", "limit"]), schema: AdminRunReminders, ...json(A), runs: 100 },
        ...(["send", "link", "disable", "enable"] as const).map((action): Target => ({ name: `POST /admin/customers/:id/portal-access/${action}`, method: "POST", path: () => `/admin/customers/${w.customer.id}/portal-access/${action}`, arb: bodyFor({}, ["email", "expires_at"]), ...json(A), runs: 100 })),
        { name: "GET /admin/invoices?…", method: "GET", path: (i) => `/admin/invoices?${i.query}`, arb: queryFor(["q", "status", "customer_id", "limit", "offset", "order", "fields", "issue_date", "due_date", "created_at"]).map((query) => ({ query })), ...json(A), readOnly: true },
        { name: "GET /admin/estimates?…", method: "GET", path: (i) => `/admin/estimates?${i.query}`, arb: queryFor(["q", "status", "customer_id", "limit", "offset", "order", "fields", "valid_until"]).map((query) => ({ query })), ...json(A), readOnly: true },
        { name: "GET /admin/invoices/:id?fields", method: "GET", path: (i) => `/admin/invoices/${w.inv.sent.id}?${i.query}`, arb: queryFor(["fields"]).map((query) => ({ query })), ...json(A), readOnly: true, runs: 200 },
        { name: "GET /admin/customers/:id/portal-activity?…", method: "GET", path: (i) => `/admin/customers/${w.customer.id}/portal-activity?${i.query}`, arb: queryFor(["limit", "offset", "type"]).map((query) => ({ query })), ...json(A), readOnly: true, runs: 200 },
        { name: "GET /admin/{invoices,estimates}/<garbage id>", method: "GET", path: (i) => i.pathId!, arb: fc.tuple(fc.constantFrom("invoices", "estimates", "customers"), nastyString.filter((s) => s.length > 0 && s.length < 2000)).map(([kind, id]) => ({ pathId: `/admin/${kind === "customers" ? `customers/${enc(id)}/portal-access` : `${kind}/${enc(id)}`}` })), ...json(A), readOnly: true, runs: 200 },
        { name: "POST /admin/customers/:id/portal-statement/send", method: "POST", path: () => `/admin/customers/${w.customer.id}/portal-statement/send`, arb: bodyFor({ from: "2026-03-01", to: "2026-03-31" }, ["customer_id", "email", "currency_code"]), schema: AdminSendStatement, ...json(A), runs: 100 },
        // Deposits on estimates (issue #15), last so the seeds of the targets above stay as they were.
        { name: "POST /admin/estimates/:id/deposit", method: "POST", path: () => `/admin/estimates/${w.est.draft.id}/deposit`, arb: bodyFor({ type: "percent", value: 25 }, ["amount", "percent"]), schema: AdminSetEstimateDeposit, ...json(A), runs: 200 },
      ]
      const failures = await fuzz("admin", targets)
      expect(failures).toEqual([])
    })

    it("portal forms and pages: every form body and query → 4xx page with a message or success, never 5xx", async () => {
      const w = await world()
      const cookie = { cookie: `portal_session=${w.pageJwt}` }
      const csrf = csrfFor(w.pageJwt)
      const page = (headers: Record<string, string>) => ({ face: "page" as const, headers })
      const targets: Target[] = [
        { name: "POST /portal/profile (form)", method: "POST", path: () => "/portal/profile", arb: formFor({ first_name: "Alicia", last_name: "O", company_name: "C", phone: "+1 555 0100", address_1: "1 Main St", city: "Springfield", postal_code: "12345", country_code: "us", _csrf: csrf }).map((form) => ({ form })), ...page(cookie) },
        { name: "POST /portal/profile (JSON)", method: "POST", path: () => "/portal/profile", arb: bodyFor({ first_name: "Alicia", phone: "+1 555 0100", _csrf: csrf }, ["last_name", "company_name", "address_1", "city", "country_code", "email"]), ...page(cookie) },
        { name: "POST /portal/profile/reminders (form)", method: "POST", path: () => "/portal/profile/reminders", arb: formFor({ reminders: "off", _csrf: csrf }).map((form) => ({ form })), ...page(cookie), runs: 150 },
        { name: "POST /portal/estimates/:id/accept (form)", method: "POST", path: () => `/portal/estimates/${w.est.sent.id}/accept`, arb: formFor({ note: "ok", full_name: "Ana Díaz", accept_terms: "on", estimate_hash: "", shown_total: "59.97", _csrf: csrf }).map((form) => ({ form })), ...page(cookie) },
        { name: "POST /portal/estimates/:id/reject (JSON)", method: "POST", path: () => `/portal/estimates/${w.est.sent2.id}/reject`, arb: bodyFor({ note: "no", _csrf: csrf }), ...page(cookie) },
        { name: "POST /portal/invoices/:id/pay (form)", method: "POST", path: () => `/portal/invoices/${w.inv.sent.id}/pay`, arb: formFor({ _csrf: csrf, amount_choice: "part", amount: "1" }).map((form) => ({ form })), ...page(cookie), runs: 200 },
        // Only ever a wrong form token here (a right one would sign the fuzzer out): always refused.
        { name: "POST /portal/logout (bad _csrf, form or JSON)", method: "POST", path: () => "/portal/logout", arb: fc.oneof(formFor({ _csrf: "x" }).map((form): Input => ({ form })), bodyFor({ _csrf: "x" }) as fc.Arbitrary<Input>).filter((i) => !String(i.form ?? i.raw ?? JSON.stringify(i.json)).includes(csrf)), ...page(cookie), readOnly: true },
        { name: "POST /portal/logout (x-csrf-token header)", method: "POST", path: () => "/portal/logout", arb: fc.string({ unit: fc.integer({ min: 0x20, max: 0xff }).filter((c) => c !== 0x7f).map((c) => String.fromCharCode(c)), minLength: 43, maxLength: 43 }).filter((s) => s !== csrf).map((h) => ({ json: {}, headers: { "x-csrf-token": h } })), ...page(cookie), readOnly: true, runs: 100 },
        { name: "POST /portal/login (form and JSON)", method: "POST", path: () => "/portal/login", arb: fc.oneof(formFor({ email: "nobody@portal.test" }).map((form) => ({ form })), bodyFor({ email: "nobody@portal.test" })), ...page({}) },
        { name: "POST /portal/access/:token (button)", method: "POST", path: (i) => `/portal/access/${enc(i.pathId ?? "x")}`, arb: fc.tuple(nastyString.filter((s) => s.length > 0 && s.length < 500), formFor({ _csrf: "x" })).map(([t, form]) => ({ pathId: t, form })), ...page({ cookie: "portal_link_nonce=abc" }), runs: 150 },
        { name: "GET /portal/invoices?…", method: "GET", path: (i) => `/portal/invoices?${i.query}`, arb: queryFor(["status", "limit", "offset", "page"]).map((query) => ({ query })), ...page(cookie), readOnly: true },
        { name: "GET /portal/estimates?…", method: "GET", path: (i) => `/portal/estimates?${i.query}`, arb: queryFor(["status", "limit", "offset", "decided"]).map((query) => ({ query })), ...page(cookie), readOnly: true },
        { name: "GET /portal/invoices/<garbage id>", method: "GET", path: (i) => `/portal/${i.pathId}`, arb: fc.tuple(fc.constantFrom("invoices", "estimates", "invoices/%s/pdf", "estimates/%s/pdf", "estimates/%s/accept"), nastyString.filter((s) => s.length > 0 && s.length < 2000)).map(([p, id]) => ({ pathId: p.includes("%s") ? p.replace("%s", enc(id)) : `${p}/${enc(id)}` })), ...page(cookie), readOnly: true, runs: 200 },
        { name: "GET /portal/statement?…", method: "GET", path: (i) => `/portal/statement?${i.query}`, arb: queryFor(["from", "to", "customer_id"]).map((query) => ({ query })), ...page(cookie), readOnly: true, runs: 200 },
        { name: "GET /portal/statement/pdf?…", method: "GET", path: (i) => `/portal/statement/pdf?${i.query}`, arb: queryFor(["from", "to"]).map((query) => ({ query })), ...page(cookie), readOnly: true, runs: 100 },
        // The accepted estimate asks for no deposit: every request is refused with a page saying why.
        { name: "POST /portal/estimates/:id/deposit (form)", method: "POST", path: () => `/portal/estimates/${w.est.accepted.id}/deposit`, arb: formFor({ _csrf: csrf, amount: "1" }).map((form) => ({ form })), ...page(cookie), runs: 100 },
        // Issue #15 item 3 (appended last: a target in the middle shifts the seeds of the ones after it).
        { name: "POST /portal/payments (form)", method: "POST", path: () => "/portal/payments", arb: formFor({ _csrf: csrf, currency_code: "eur", invoice_ids: w.inv.sent.id }).map((form) => ({ form })), ...page(cookie), runs: 200 },
        { name: "GET /portal/payments/<garbage id>/return", method: "GET", path: (i) => `/portal/payments/${i.pathId}/return`, arb: nastyString.filter((s) => s.length > 0 && s.length < 2000).map((id) => ({ pathId: enc(id) })), ...page(cookie), readOnly: true, runs: 100 },
      ]
      const failures = await fuzz("portal", targets)
      expect(failures).toEqual([])
    })

    it("store routes: every JSON body and query → 4xx with a JSON message or success, never 5xx", async () => {
      const w = await world()
      const bearer = { "x-publishable-api-key": w.pk, authorization: `Bearer ${w.storeJwt}` }
      const targets: Target[] = [
        { name: "POST /store/portal/auth", method: "POST", path: () => "/store/portal/auth", arb: bodyFor({ token: "a".repeat(43) }), schema: StorePortalAuth, ...json({ "x-publishable-api-key": w.pk }) },
        { name: "POST /store/portal/profile", method: "POST", path: () => "/store/portal/profile", arb: bodyFor({ first_name: "Alicia", last_name: "O", company_name: "C", phone: "+1 555 0100", address_1: "1 Main St", city: "Springfield", postal_code: "12345", country_code: "us" }, ["email", "address_2", "province"]), schema: PortalProfileInput, ...json(bearer) },
        { name: "POST /store/portal/profile/reminders", method: "POST", path: () => "/store/portal/profile/reminders", arb: bodyFor({ opt_out: true }, ["customer_id"]), schema: StoreRemindersOptOut, ...json(bearer), runs: 150 },
        { name: "POST /store/portal/estimates/:id/accept", method: "POST", path: () => `/store/portal/estimates/${w.est.sent.id}/accept`, arb: bodyFor({ note: "ok", full_name: "Ana Díaz", accept_terms: true }, ["estimate_hash", "status", "total"]), schema: StoreDecision, ...json(bearer) },
        { name: "POST /store/portal/estimates/:id/reject", method: "POST", path: () => `/store/portal/estimates/${w.est.sent2.id}/reject`, arb: bodyFor({ note: "no" }, ["status"]), schema: StoreDecision, ...json(bearer) },
        { name: "POST /store/portal/invoices/:id/payment-session", method: "POST", path: () => `/store/portal/invoices/${w.inv.sent.id}/payment-session`, arb: bodyFor({}, ["amount", "currency_code", "provider_id"]), schema: StorePaymentSession, ...json(bearer) },
        { name: "GET /store/portal/invoices?…", method: "GET", path: (i) => `/store/portal/invoices?${i.query}`, arb: queryFor(["status", "limit", "offset", "fields", "customer_id"]).map((query) => ({ query })), ...json(bearer), readOnly: true },
        { name: "GET /store/portal/estimates?…", method: "GET", path: (i) => `/store/portal/estimates?${i.query}`, arb: queryFor(["status", "limit", "offset", "fields"]).map((query) => ({ query })), ...json(bearer), readOnly: true },
        { name: "GET /store/portal/history?…", method: "GET", path: (i) => `/store/portal/history?${i.query}`, arb: queryFor(["limit", "offset"]).map((query) => ({ query })), ...json(bearer), readOnly: true, runs: 150 },
        { name: "GET /store/portal/{invoices,estimates}/<garbage id>", method: "GET", path: (i) => `/store/portal/${i.pathId}`, arb: fc.tuple(fc.constantFrom("invoices", "estimates"), nastyString.filter((s) => s.length > 0 && s.length < 2000)).map(([p, id]) => ({ pathId: `${p}/${enc(id)}` })), ...json(bearer), readOnly: true, runs: 200 },
        { name: "GET /store/portal/statement?…", method: "GET", path: (i) => `/store/portal/statement?${i.query}`, arb: queryFor(["from", "to", "customer_id", "fields"]).map((query) => ({ query })), ...json(bearer), readOnly: true, runs: 200 },
        { name: "POST /store/portal/estimates/:id/deposit-session", method: "POST", path: () => `/store/portal/estimates/${w.est.accepted.id}/deposit-session`, arb: bodyFor({}, ["amount", "currency_code", "provider_id"]), schema: NoBody, ...json(bearer), runs: 100 },
        // Issue #15 item 3 (appended last: a target in the middle shifts the seeds of the ones after it).
        { name: "POST /store/portal/payments", method: "POST", path: () => "/store/portal/payments", arb: bodyFor({ currency_code: "eur", invoice_ids: [w.inv.sent.id] }, ["amount", "customer_id", "provider_id"]), schema: StorePortalPayment, ...json(bearer) },
      ]
      const failures = await fuzz("store", targets)
      expect(failures).toEqual([])
    })

    it("tried at least 10 000 generated inputs in all (summary)", () => {
      const total = Object.values(totals).reduce((a, b) => a + b, 0)
      console.log(`bad input: seed ${SEED}, ${total} generated inputs (${Object.entries(totals).map(([k, v]) => `${k} ${v}`).join(", ")})`)
      expect(total).toBeGreaterThanOrEqual(10_000)
    })
  },
})
