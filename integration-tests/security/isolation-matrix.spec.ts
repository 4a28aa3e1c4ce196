import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import jwt from "jsonwebtoken"
import { noRedirect } from "../http/portal/helpers"
import { portalSnapshot, seedEstimate, seedInvoice } from "../utils/portal"
import {
  adminHeaders,
  createAdminUser,
  createCustomer,
  csrfFor,
  changedKeys,
  firstDiff,
  JWT_SECRET,
  medusaCustomerLogin,
  portalService,
  publishableKey,
  rowChecksums,
  sessionsFor,
} from "./fixtures"

jest.setTimeout(300_000)

/**
 * Issue #10, the isolation matrix: every portal page, every storefront route and Medusa's own
 * customer routes × every kind of id a customer might try × every authentication state. Each case
 * has an expected status (the table in `expectedStatus`), must not leak another customer's data
 * (or, when refused, any data at all) and must not change a row unless it is the requester's own
 * legitimate action. The runner restores the database before every `it`, so each auth state is one
 * `it` that builds its fixtures, loops over every (route, id kind) case and asserts the complete
 * list of mismatches at the end: one run reports them all.
 */

// ── The matrix axes ──────────────────────────────────────────────────────────────────────────

type Face = "page" | "store" | "medusa"
type IdKind = "own" | "foreign" | "draft" | "void_or_crosstype" | "missing" | "-"
type Doc = "invoice" | "estimate" | null
/** own: the requester's own legitimate action may change rows; none: nothing may change. */
type Route = {
  name: string
  face: Face
  method: "GET" | "POST"
  path: (id: string) => string
  doc: Doc
  /** Which own estimate the "own" id is (accept and reject each get their own, order-free). */
  ownSlot?: 1 | 2
  /** The request body; routes that name their documents in the body get the case's id. */
  body?: (id: string) => Record<string, unknown>
  /** Medusa's own routes: which of the state's tokens they are tried with. */
  token?: "store" | "page"
  /** A valid request on the requester's own data legitimately writes (view log, decision, profile). */
  writes?: "always" | "own"
}

const page = (method: "GET" | "POST", path: string, doc: Doc, extra: Partial<Route> = {}): Route => ({
  name: `${method} ${path}`,
  face: "page",
  method,
  path: (id) => path.replace(":id", id),
  doc,
  ...extra,
})
const store = (method: "GET" | "POST", path: string, doc: Doc, extra: Partial<Route> = {}): Route => ({
  name: `${method} ${path}`,
  face: "store",
  method,
  path: (id) => path.replace(":id", id),
  doc,
  ...extra,
})
const medusa = (method: "GET" | "POST", path: string, token: "store" | "page", body?: () => Record<string, unknown>): Route => ({
  name: `${method} ${path} (${token} token)`,
  face: "medusa",
  method,
  path: () => path,
  doc: null,
  token,
  body,
})

const MALLORY = { first_name: "Mallory" }
const ROUTES: Route[] = [
  page("GET", "/portal", null),
  page("GET", "/portal/invoices", null),
  page("GET", "/portal/invoices/:id", "invoice", { writes: "own" }),
  page("GET", "/portal/invoices/:id/pdf", "invoice", { writes: "own" }),
  page("GET", "/portal/invoices/:id/pay", "invoice"),
  page("POST", "/portal/invoices/:id/pay", "invoice", { body: () => ({}), writes: "own" }),
  page("GET", "/portal/estimates", null),
  page("GET", "/portal/estimates/:id", "estimate", { writes: "own" }),
  page("GET", "/portal/estimates/:id/pdf", "estimate", { writes: "own" }),
  // The confirmation step, before Approve decides the estimate it shows.
  page("GET", "/portal/estimates/:id/accept", "estimate", { ownSlot: 1 }),
  page("POST", "/portal/estimates/:id/accept", "estimate", {
    ownSlot: 1,
    body: () => ({ note: "SENT-ATTACKER-NOTE", full_name: "SENT-ATTACKER-NAME", accept_terms: "on" }),
    writes: "own",
  }),
  page("POST", "/portal/estimates/:id/reject", "estimate", { ownSlot: 2, body: () => ({ note: "SENT-ATTACKER-NOTE" }), writes: "own" }),
  page("GET", "/portal/profile", null),
  page("GET", "/portal/history", null),
  // The statement: the requester's own figures only (a void invoice or another customer's never shows).
  page("GET", "/portal/statement", null),
  page("GET", "/portal/statement/pdf", null),
  store("GET", "/store/portal", null),
  store("GET", "/store/portal/me", null),
  store("GET", "/store/portal/invoices", null),
  store("GET", "/store/portal/invoices/:id", "invoice", { writes: "own" }),
  store("GET", "/store/portal/invoices/:id/pdf", "invoice", { writes: "own" }),
  store("POST", "/store/portal/invoices/:id/payment-session", "invoice", { body: () => ({}), writes: "own" }),
  store("GET", "/store/portal/estimates", null),
  store("GET", "/store/portal/estimates/:id", "estimate", { writes: "own" }),
  store("GET", "/store/portal/estimates/:id/pdf", "estimate", { writes: "own" }),
  store("POST", "/store/portal/estimates/:id/accept", "estimate", {
    ownSlot: 1,
    body: () => ({ note: "SENT-ATTACKER-NOTE", full_name: "SENT-ATTACKER-NAME", accept_terms: true }),
    writes: "own",
  }),
  store("POST", "/store/portal/estimates/:id/reject", "estimate", { ownSlot: 2, body: () => ({ note: "SENT-ATTACKER-NOTE" }), writes: "own" }),
  store("GET", "/store/portal/profile", null),
  store("GET", "/store/portal/history", null),
  store("GET", "/store/portal/profile/reminders", null),
  store("GET", "/store/portal/statement", null),
  medusa("GET", "/store/customers/me", "store"),
  medusa("POST", "/store/customers/me", "store", () => MALLORY),
  medusa("GET", "/store/customers/me/addresses", "store"),
  medusa("POST", "/store/customers/me/addresses", "store", () => ({ address_1: "1 Evil St", city: "X", country_code: "us" })),
  medusa("GET", "/store/customers/me", "page"),
  medusa("POST", "/store/customers/me", "page", () => MALLORY),
  medusa("GET", "/store/customers/me/addresses", "page"),
  medusa("POST", "/store/customers/me/addresses", "page", () => ({ address_1: "1 Evil St", city: "X", country_code: "us" })),
  // Deposits on estimates (issue #15): the own estimate is pending, so there is no deposit to pay.
  page("GET", "/portal/estimates/:id/deposit", "estimate"),
  page("POST", "/portal/estimates/:id/deposit", "estimate", { body: () => ({}) }),
  page("GET", "/portal/estimates/:id/deposit/return", "estimate"),
  store("POST", "/store/portal/estimates/:id/deposit-session", "estimate", { body: () => ({}) }),
  // Issue #15 item 3: the invoices to pay are named in the body, not the path.
  store("POST", "/store/portal/payments", "invoice", { body: (id) => ({ currency_code: "eur", invoice_ids: [id] }), writes: "own" }),
  page("POST", "/portal/payments", "invoice", { body: (id) => ({ currency_code: "eur", invoice_ids: id }), writes: "own" }),
  // Last: these end or change the requester's session / record.
  store("POST", "/store/portal/profile", null, { body: () => MALLORY, writes: "always" }),
  page("POST", "/portal/profile", null, { body: () => MALLORY, writes: "always" }),
  store("POST", "/store/portal/profile/reminders", null, { body: () => ({ opt_out: true }), writes: "always" }),
  page("POST", "/portal/profile/reminders", null, { body: () => ({ reminders: "off" }), writes: "always" }),
  page("POST", "/portal/logout", null, { body: () => ({}), writes: "always" }),
]

const ID_KINDS: Exclude<IdKind, "-">[] = ["own", "foreign", "draft", "void_or_crosstype", "missing"]

type State =
  | "none"
  | "expired_jwt"
  | "expired_session"
  | "signed_out"
  | "revoked_link"
  | "access_disabled"
  | "portal_off"
  | "customer_deleted"
  | "admin_token"
  | "other_customer_session"
  | "plain_medusa_customer"
  | "valid"
const STATES: State[] = [
  "none",
  "expired_jwt",
  "expired_session",
  "signed_out",
  "revoked_link",
  "access_disabled",
  "portal_off",
  "customer_deleted",
  "admin_token",
  "other_customer_session",
  "plain_medusa_customer",
  "valid",
]

/** Refusal statuses per state: the portal's own (pages and store) and Medusa's /store/customers/me*. */
const REFUSED: Partial<Record<State, { page: number; store: number }>> = {
  none: { page: 401, store: 401 },
  expired_jwt: { page: 401, store: 401 },
  expired_session: { page: 401, store: 401 },
  signed_out: { page: 401, store: 401 },
  revoked_link: { page: 401, store: 401 },
  access_disabled: { page: 403, store: 403 },
  portal_off: { page: 403, store: 403 },
  customer_deleted: { page: 403, store: 403 },
  admin_token: { page: 401, store: 401 },
  // A Medusa customer JWT is not a portal session on pages; on store routes it is accepted as a
  // login, but this customer has no portal access (403).
  plain_medusa_customer: { page: 401, store: 403 },
}

/**
 * THE EXPECTATION TABLE. `valid` is customer A's own session, `other_customer_session` is customer
 * C's (valid, but A's documents are foreign to C). Ids are relative to A.
 */
function expectedStatus(state: State, route: Route, kind: IdKind): number {
  if (route.face === "medusa") {
    // A portal session (page or storefront) is never a Medusa customer login. A real Medusa
    // customer login is, for that customer's own record.
    return state === "plain_medusa_customer" ? 200 : 401
  }
  const refused = REFUSED[state]
  if (refused) {
    return refused[route.face as "page" | "store"]
  }
  const ownAccess = state === "valid" && kind === "own"
  if (!route.doc) {
    if (route.name === "POST /portal/profile" || route.name === "POST /portal/profile/reminders") return 303
    return 200
  }
  if (route.name === "GET /portal/invoices/:id/pay") return 303 // a redirect to the invoice page, reads nothing
  if (route.name === "GET /portal/estimates/:id/deposit") return 303 // a redirect to the estimate page, reads nothing
  if (!ownAccess) return 404
  if (route.name === "POST /portal/invoices/:id/pay") return 403 // no Stripe provider in this app: "not offered"
  if (route.name === "POST /store/portal/invoices/:id/payment-session") return 400 // Medusa's not_allowed
  if (route.name === "POST /portal/estimates/:id/deposit") return 403 // a pending estimate: no deposit to pay
  if (route.name === "GET /portal/estimates/:id/deposit/return") return 202 // no deposit session: nothing to confirm
  if (route.name === "POST /store/portal/estimates/:id/deposit-session") return 400 // Medusa's not_allowed
  if (route.name === "POST /store/portal/payments") return 400 // the same: no Stripe provider here
  if (route.name === "POST /portal/payments") return 403 // the page's "not offered", as Pay Now
  if (route.name.startsWith("POST /portal/estimates")) return 303
  return 200
}

// ── Results, shared by the `it`s for the closing summary ─────────────────────────────────────

const tally = { cases: 0, requests: 0, states: new Set<string>(), routes: new Set<string>(), kinds: new Set<string>() }

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    async function build() {
      const container = getContainer()
      await createAdminUser(adminHeaders, container)
      await portalService(container).updateSettings({
        enabled: true,
        allow_invoices: true,
        allow_estimates: true,
        allow_payments: true,
        allow_profile_updates: true,
        allow_service_history: true,
      })
      const pk = await publishableKey(container)
      const A = (await createCustomer(container, { first_name: "Alicia", last_name: "Ownerson", company_name: "A-OWN-COMPANY" })) as any
      const B = (await createCustomer(container, { first_name: "Bobforeign", last_name: "SENT-B-LAST", company_name: "SENT-B-COMPANY" })) as any
      const C = (await createCustomer(container, { first_name: "Carol", last_name: "Attacker" })) as any
      const D = (await createCustomer(container, { first_name: "Dora", last_name: "Plain" })) as any

      const line = (title: string) => [{ title, quantity: 1, unit_price: 777.77 }]
      const aInv = await seedInvoice(container, A.id, "sent", { display_number: "A-INV-OWN-1", notes: "A-VISIBLE-NOTE", internal_note: "SENT-A-INTERNAL" })
      const aDraftInv = await seedInvoice(container, A.id, "draft", { notes: "SENT-A-DRAFT-INV", lines: line("SENT-A-DRAFT-LINE") })
      const aVoidInv = await seedInvoice(container, A.id, "void", { display_number: "SENT-A-VOID-INV", notes: "SENT-A-VOID-NOTE" })
      const aEst1 = await seedEstimate(container, A.id, "sent", { display_number: "A-EST-OWN-1" })
      const aEst2 = await seedEstimate(container, A.id, "sent", { display_number: "A-EST-OWN-2" })
      // A's draft estimate is a revision of a rejected one (issue #14): it has a number before it is
      // sent (A-EST-REJ-2), which must not reach the customer either.
      const aRejected = await seedEstimate(container, A.id, "rejected", { display_number: "A-EST-REJ" })
      const aDraftEst = await portalService(container).reviseEstimate(aRejected.id)
      await portalService(container).updateDraftEstimate(aDraftEst.id, { notes: "SENT-A-DRAFT-EST", internal_note: "SENT-A-INTERNAL" })
      const bInv = await seedInvoice(container, B.id, "sent", { display_number: "SENT-B-INV-1", notes: "SENT-B-INV-NOTE", lines: line("SENT-B-LINE") })
      const bEst = await seedEstimate(container, B.id, "sent", { display_number: "SENT-B-EST-1", notes: "SENT-B-EST-NOTE", lines: line("SENT-B-ELINE") })

      const a = await sessionsFor(api, A.id, pk)
      await sessionsFor(api, B.id, pk) // B is a portal customer too
      const c = await sessionsFor(api, C.id, pk)
      const dLogin = await medusaCustomerLogin(container, D)

      const ids = {
        invoice: { own: aInv.id, foreign: bInv.id, draft: aDraftInv.id, void_or_crosstype: aVoidInv.id, missing: "inv_01JZZZZZZZZZZZZZZZZZZZZZZZ" },
        estimate: { own: aEst1.id, own2: aEst2.id, foreign: bEst.id, draft: aDraftEst.id, void_or_crosstype: aInv.id, missing: "est_01JZZZZZZZZZZZZZZZZZZZZZZZ" },
      }
      /** Never in any response, whoever asks (after removing the id the request itself named). */
      const alwaysHidden = [
        "SENT-B-INV-1", "SENT-B-INV-NOTE", "SENT-B-LINE", "SENT-B-EST-1", "SENT-B-EST-NOTE", "SENT-B-ELINE", "Bobforeign", "SENT-B-LAST",
        "SENT-B-COMPANY", B.id, B.email, bInv.id, bEst.id,
        "SENT-A-INTERNAL", "SENT-A-DRAFT-INV", "SENT-A-DRAFT-LINE", "SENT-A-VOID-INV", "SENT-A-VOID-NOTE", "SENT-A-DRAFT-EST",
        aDraftInv.id, aVoidInv.id, aDraftEst.id, "A-EST-REJ-2", "SENT-ATTACKER-NOTE",
      ]
      /** A's visible data: only A's own valid session may see it. */
      const aVisible = ["A-INV-OWN-1", "A-VISIBLE-NOTE", "A-EST-OWN-1", "A-EST-OWN-2", "A-EST-REJ", "Alicia", "A-OWN-COMPANY", A.email, A.id, aInv.id, aEst1.id, aEst2.id]
      return { container, pk, A, B, C, D, a, c, dLogin, ids, alwaysHidden, aVisible }
    }

    type World = Awaited<ReturnType<typeof build>>
    type Tokens = { page?: string; pageAuthHeader?: boolean; store?: string; requester?: string }

    /** Puts the world into the auth state; returns the tokens the requests carry. */
    async function enter(state: State, w: World): Promise<Tokens> {
      const portal = portalService(w.container)
      const sessionIdOf = (token: string) => (jwt.decode(token) as any).app_metadata.portal_session_id as string
      const check = (what: string, response: { status: number; data: unknown }, status = 200) => {
        if (response.status !== status) throw new Error(`${state}: ${what} answered ${response.status} ${JSON.stringify(response.data)}`)
      }
      const a = { page: w.a.pageJwt, store: w.a.storeJwt, requester: w.A.id }
      switch (state) {
        case "none":
          return {}
        case "expired_jwt": {
          const expired = (token: string) => {
            const { iat: _iat, exp: _exp, ...claims } = jwt.decode(token) as any
            return jwt.sign({ ...claims, iat: Math.floor(Date.now() / 1000) - 7200, exp: Math.floor(Date.now() / 1000) - 3600 }, JWT_SECRET())
          }
          return { page: expired(a.page), store: expired(a.store) }
        }
        case "expired_session": {
          const past = new Date(Date.now() - 60_000)
          await portal.updatePortalSessions([
            { id: sessionIdOf(a.page), expires_at: past },
            { id: sessionIdOf(a.store), expires_at: past },
          ] as any)
          return a
        }
        case "signed_out": {
          const out = await api.post("/portal/logout", new URLSearchParams({ _csrf: csrfFor(a.page) }).toString(), {
            headers: { cookie: `portal_session=${a.page}`, "content-type": "application/x-www-form-urlencoded" },
            ...noRedirect,
          })
          check("POST /portal/logout", out)
          check("DELETE /store/portal/auth", await api.delete("/store/portal/auth", { headers: { "x-publishable-api-key": w.pk, authorization: `Bearer ${a.store}` }, ...noRedirect }))
          return a
        }
        case "revoked_link":
          check("revoke", await api.delete(`/admin/customers/${w.A.id}/portal-access/links/${w.a.link.id}`, { ...adminHeaders, ...noRedirect }))
          return a
        case "access_disabled":
          check("disable", await api.post(`/admin/customers/${w.A.id}/portal-access/disable`, {}, { ...adminHeaders, ...noRedirect }))
          return a
        case "portal_off":
          check("portal off", await api.post("/admin/portal/settings", { enabled: false }, { ...adminHeaders, ...noRedirect }))
          return a
        case "customer_deleted":
          check("delete customer", await api.delete(`/admin/customers/${w.A.id}`, { ...adminHeaders, ...noRedirect }))
          return a
        case "admin_token": {
          const admin = adminHeaders.headers.authorization.slice(7)
          return { page: admin, pageAuthHeader: true, store: admin }
        }
        case "other_customer_session":
          return { page: w.c.pageJwt, store: w.c.storeJwt, requester: w.C.id }
        case "plain_medusa_customer":
          return { page: w.dLogin, store: w.dLogin, requester: w.D.id }
        case "valid":
          return a
      }
    }

    function request(route: Route, path: string, id: string, tokens: Tokens, pk: string) {
      const config: any = { ...noRedirect, headers: {} as Record<string, string>, responseType: "arraybuffer" }
      let body: unknown = route.body?.(id)
      if (route.face === "page") {
        if (tokens.page) {
          if (tokens.pageAuthHeader) config.headers.authorization = `Bearer ${tokens.page}`
          else config.headers.cookie = `portal_session=${tokens.page}`
        }
        if (route.method === "POST") {
          // A correct form token for whatever session is sent: a refusal must come from the session
          // checks, not from CSRF.
          config.headers["content-type"] = "application/x-www-form-urlencoded"
          body = new URLSearchParams({ ...(body as Record<string, string>), ...(tokens.page ? { _csrf: csrfFor(tokens.page) } : {}) }).toString()
        }
      } else {
        config.headers["x-publishable-api-key"] = pk
        const token = route.face === "medusa" && route.token === "page" ? tokens.page : tokens.store
        if (token) config.headers.authorization = `Bearer ${token}`
      }
      return route.method === "GET" ? api.get(path, config) : api.post(path, body, config)
    }

    const normalise = (text: string, id: string) =>
      text
        .split(id)
        .join("<ID>")
        .replace(/nonce="[^"]*"/g, 'nonce="<N>"')
        .replace(/nonce-[A-Za-z0-9+/=_-]+/g, "nonce-<N>")

    async function runState(state: State) {
      const w = await build()
      const tokens = await enter(state, w)
      const failures: string[] = []
      const bodies = new Map<string, { status: number; text: string }>()
      const watched = [w.A.id, w.B.id, w.C.id, w.D.id]
      // The module's own readable snapshot around the whole state, on top of the per-request checksums.
      const portalBefore = await portalSnapshot(w.container)
      let cases = 0
      const writesSeen: string[] = []

      for (const route of ROUTES) {
        const kinds: IdKind[] = route.doc ? ID_KINDS : ["-"]
        for (const kind of kinds) {
          cases++
          tally.routes.add(`${route.name}`)
          tally.kinds.add(kind)
          const id =
            kind === "-" ? "" : kind === "own" && route.doc === "estimate" && route.ownSlot === 2 ? w.ids.estimate.own2 : (w.ids as any)[route.doc!][kind]
          const path = route.path(id)
          const label = `[${state}] ${route.name.replace(":id", `:id(${kind})`)}`
          const before = await rowChecksums(dbConnection, watched)
          const response = await request(route, path, id, tokens, w.pk)
          tally.requests++
          const after = await rowChecksums(dbConnection, watched)
          const expected = expectedStatus(state, route, kind)
          const text = Buffer.from(response.data ?? "").toString("utf8")
          const type = String(response.headers["content-type"] ?? "")
          const problems: string[] = []

          if (response.status !== expected) problems.push(`status ${response.status}, expected ${expected}`)

          // Shape of refusals: pages answer an HTML page with a message, JSON routes Medusa's { type, message }.
          if (response.status >= 400) {
            if (route.face === "page" && response.status !== 404) {
              if (!type.startsWith("text/html")) problems.push(`refusal is ${type}, not an HTML page`)
              else if (!/<h1[^>]*>[^<]+<\/h1>/.test(text) && !/<p[^>]*>[^<]{10,}/.test(text)) problems.push("refusal page has no message")
            }
            if (route.face !== "page") {
              let json: any
              try {
                json = JSON.parse(text)
              } catch {
                json = null
              }
              if (!json || typeof json.message !== "string" || !json.message) problems.push(`refusal has no JSON message: ${text.slice(0, 120)}`)
            }
          }

          // No data the requester may not see.
          // A's own session may see A's documents, and the note A itself just wrote on them.
          const hidden = state === "valid" ? w.alwaysHidden.filter((s) => s !== "SENT-ATTACKER-NOTE") : [...w.alwaysHidden, ...w.aVisible]
          const hiddenHere = hidden.filter((s) => s && s !== id)
          const scrubbed = id ? text.split(id).join("<ID>") : text
          const leaked = type.includes("application/pdf") ? [] : hiddenHere.filter((s) => scrubbed.includes(s))
          if (leaked.length) problems.push(`leaks ${leaked.join(", ")}`)
          if (state === "valid" && kind === "own" && response.status === 200 && route.method === "GET" && !type.includes("pdf")) {
            const number = route.doc === "invoice" ? "A-INV-OWN-1" : "A-EST-OWN-1"
            if (!text.includes(number)) problems.push(`control: own document ${number} not shown`) // the matrix can see data at all
          }
          if (route.name.startsWith("GET /store/customers/me (") && state === "plain_medusa_customer" && response.status === 200 && !text.includes(w.D.id)) {
            problems.push("Medusa route answered 200 without the signed-in customer's own record")
          }

          // Nothing written, unless it is the requester's own legitimate action.
          const ownWrite = (state === "valid" || state === "other_customer_session" || state === "plain_medusa_customer") &&
            (route.writes === "always" || (route.writes === "own" && state === "valid" && kind === "own") || route.face === "medusa")
          const changed = changedKeys(before, after)
          if (changed.length) writesSeen.push(`${route.name}(${kind}): ${changed.join(", ")}`)
          if (ownWrite) {
            // Portal rows may change (a view log, a decision, a profile event); other customers' rows may not,
            // and Medusa's own routes may change the signed-in customer's record only.
            const foreign = changed.filter((k) => k.startsWith("customer:") && k !== `customer:${tokens.requester}`)
            if (foreign.length) problems.push(`another customer's row changed: ${foreign.join(", ")}`)
            if (route.face === "medusa" && changed.some((k) => k.startsWith("portal_"))) problems.push(`portal rows changed: ${changed.join(", ")}`)
          } else if (changed.length) {
            problems.push(`rows changed: ${changed.join(", ")}`)
          }

          // A foreign (or, when refused, any) id answers exactly like a missing one.
          bodies.set(`${route.name}|${kind}`, { status: response.status, text: normalise(text, id) })
          if (problems.length) failures.push(`${label}: ${problems.join("; ")}`)
        }
      }
      // The row check can fail: A's own valid requests do write (view log, decision, profile, sign out).
      if (state === "valid" && !writesSeen.some((w) => w.startsWith("GET /portal/invoices/:id(own)") && w.includes("portal_event"))) {
        failures.push(`[valid] control: the row checksums saw no write from an own invoice view (${writesSeen.join(" | ")})`)
      }
      if (REFUSED[state]) {
        const diff = firstDiff(portalBefore, await portalSnapshot(w.container))
        if (diff) failures.push(`[${state}] portalSnapshot changed over the whole state: ${diff}`)
      }
      for (const route of ROUTES.filter((r) => r.doc)) {
        const missing = bodies.get(`${route.name}|missing`)!
        const comparable = REFUSED[state] ? ID_KINDS : ID_KINDS.filter((k) => !(state === "valid" && k === "own"))
        for (const kind of comparable) {
          if (route.name === "GET /portal/invoices/:id/pay") continue // a redirect that names its own id
          const got = bodies.get(`${route.name}|${kind}`)!
          if (got.status !== missing.status || got.text !== missing.text) {
            failures.push(
              `[${state}] ${route.name} (${kind}) differs from a missing id: ${got.status} vs ${missing.status}; ${firstDiff(got.text, missing.text)?.slice(0, 200)}`
            )
          }
        }
      }
      tally.cases += cases
      tally.states.add(state)
      console.log(`isolation matrix [${state}]: ${cases} cases, ${failures.length} mismatches`)
      return failures
    }

    describe("isolation matrix: routes × id kinds × auth states", () => {
      for (const state of STATES) {
        it(`${state}: every route and id kind answers as the table says, leaks nothing, changes nothing`, async () => {
          const failures = await runState(state)
          expect(failures).toEqual([])
        })
      }

      it("covered the whole matrix (summary)", () => {
        const pageRoutes = ROUTES.filter((r) => r.face === "page").length
        const storeRoutes = ROUTES.filter((r) => r.face === "store").length
        const medusaRoutes = ROUTES.filter((r) => r.face === "medusa").length
        const idRoutes = ROUTES.filter((r) => r.doc).length
        const perState = idRoutes * ID_KINDS.length + (ROUTES.length - idRoutes)
        const summary =
          `isolation matrix: ${ROUTES.length} routes (${pageRoutes} page, ${storeRoutes} store, ${medusaRoutes} Medusa core incl. both token kinds; ` +
          `${idRoutes} take an id) × ${ID_KINDS.length} id kinds × ${STATES.length} auth states = ${perState} cases per state, ` +
          `${tally.cases} cases / ${tally.requests} requests run`
        console.log(summary)
        expect(tally.states.size).toBe(STATES.length)
        expect(tally.cases).toBe(perState * STATES.length)
      })
    })
  },
})
