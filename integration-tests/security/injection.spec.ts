import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { ParsedMail } from "mailparser"
import { readPdf } from "../../src/lib/pdf/__tests__/extract-text"
import { noRedirect } from "../http/portal/helpers"
import { seedInvoice } from "../utils/portal"
import { SmtpSink, useSmtpSink } from "../utils/smtp-sink"
import { adminHeaders, createAdminUser, createCustomer, portalService, publishableKey, sessionsFor } from "./fixtures"

jest.setTimeout(300_000)

/**
 * Issue #10, injection: a corpus of XSS, header-injection, bidi-override, template and SQL-ish
 * strings put everywhere a person can type — the customer's profile, the owner's document lines
 * and notes, the business name — and read back everywhere they come out: portal pages (escaped,
 * no live tag or URL), JSON (the same string, as data), PDFs (the literal text, no crash), emails
 * (no injected header, a one-line subject) and admin responses. Filters and search with SQL-ish
 * strings answer 400 or an empty list, never 500, never another row.
 */

const XSS = {
  script: `<script>alert("xss-1")</script>`,
  img: `"><img src=x onerror=alert(2)>`,
  svg: `<svg/onload=alert(3)>`,
  jsUrl: `javascript:alert(4)`,
  attr: `' onmouseover='alert(5)`,
  template: `{{ 31337*3 }}{% raw %}`,
}
const HEADER = "Acme\r\nBcc: evil@attacker.test"
const HEADER_LF = "Eve\nBcc: evil2@attacker.test\nX-Injected: 1"
const BIDI = "Invoice \u202Efdp.exe\u202C and \u2066isolate\u2069"
const SQL = `' OR 1=1 --`
const SQL2 = `%' OR '1'='1`

/** Payloads whose literal presence in HTML would be live markup. */
const LIVE = [/<script[\s>]/i, /<img[^>]*onerror/i, /<svg[^>]*onload/i, /(href|src|action)\s*=\s*["']?\s*javascript:/i, /['"]\s*onmouseover\s*=/i]
const htmlEscape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;")

let sink: SmtpSink
useSmtpSink("Portal <portal@acme.test>", (started) => (sink = started))

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let pk: string
    let customer: { id: string; email: string }
    let page: { headers: Record<string, string> } & typeof noRedirect
    let store: { headers: Record<string, string> } & typeof noRedirect
    const admin = () => ({ ...adminHeaders, ...noRedirect })

    beforeEach(async () => {
      sink.clear()
      const container = getContainer()
      await createAdminUser(adminHeaders, container)
      await portalService(container).updateSettings({
        enabled: true,
        allow_profile_updates: true,
        allow_service_history: true,
        owner_notification_email: "owner@acme.test",
      })
      pk = await publishableKey(container)
      customer = (await createCustomer(container, { first_name: "Jane" })) as any
      const s = await sessionsFor(api, customer.id, pk)
      page = { headers: { cookie: `portal_session=${s.pageJwt}` }, ...noRedirect }
      store = { headers: { "x-publishable-api-key": pk, authorization: `Bearer ${s.storeJwt}` }, ...noRedirect }
    })

    /** Collects every way a rendered HTML page could run or show a payload raw. */
    function htmlProblems(where: string, html: string, payloads: string[]) {
      const problems: string[] = []
      for (const live of LIVE) if (live.test(html)) problems.push(`${where}: live markup ${live} in ${html.match(live)![0]}`)
      if (html.includes(String(31337 * 3))) problems.push(`${where}: the template expression was evaluated (94011)`)
      for (const payload of payloads.filter((p) => /[<>"]/.test(p))) {
        if (html.includes(payload)) problems.push(`${where}: raw payload ${JSON.stringify(payload)}`)
      }
      return problems
    }

    /** Headers a mail must not have grown, and a one-line subject. */
    function mailProblems(where: string, mail: ParsedMail) {
      const problems: string[] = []
      const names = [...mail.headers.keys()]
      if (mail.bcc || names.includes("bcc")) problems.push(`${where}: a Bcc header ${JSON.stringify(mail.headers.get("bcc"))}`)
      if (names.includes("x-injected")) problems.push(`${where}: an injected X-Injected header`)
      if (/[\r\n]/.test(mail.subject ?? "")) problems.push(`${where}: subject has CR/LF: ${JSON.stringify(mail.subject)}`)
      const recipients = [mail.to, mail.cc].flat().filter(Boolean).flatMap((a: any) => a.value.map((v: any) => v.address))
      if (recipients.some((r: string) => /attacker/.test(r))) problems.push(`${where}: an attacker recipient ${recipients}`)
      if (mail.html) problems.push(...htmlProblems(`${where} (html)`, mail.html, Object.values(XSS)))
      return problems
    }

    it("the customer's own profile text: escaped on pages, the same string in JSON, literal in the owner's email", async () => {
      const profile = {
        first_name: `Eve${XSS.script}`,
        last_name: XSS.img,
        company_name: `${XSS.svg} ${XSS.attr}`,
        address_1: XSS.jsUrl,
        address_2: BIDI,
        city: XSS.template,
        province: SQL,
        postal_code: "12345",
        country_code: "us",
      }
      const saved = await api.post("/store/portal/profile", profile, store)
      expect(saved.status).toBe(200)

      const problems: string[] = []
      // JSON gives the strings back as data, exactly.
      const me = await api.get("/store/portal/profile", store)
      const json = JSON.stringify(me.data)
      for (const [field, value] of Object.entries(profile)) {
        if (field !== "country_code" && !json.includes(JSON.stringify(value).slice(1, -1))) problems.push(`store profile JSON lost ${field}: ${JSON.stringify(value)}`)
      }
      const payloads = Object.values(profile)
      for (const path of ["/portal", "/portal/profile", "/portal/invoices", "/portal/history"]) {
        const response = await api.get(path, page)
        expect([path, response.status]).toEqual([path, 200])
        problems.push(...htmlProblems(path, response.data, payloads))
      }
      // The profile form shows the values back inside value="…" attributes: escaped for an attribute.
      const form = (await api.get("/portal/profile", page)).data as string
      if (!form.includes(htmlEscape(XSS.img)) && !form.includes(XSS.img.replace(/"/g, "&#34;").replace(/</g, "&lt;").replace(/>/g, "&gt;"))) {
        problems.push(`/portal/profile does not show the last name escaped: ${form.match(/name="last_name"[^>]*>/)?.[0]}`)
      }

      // The owner's email about a decision names the customer: no header grows out of it.
      await api.post("/store/portal/profile", { first_name: HEADER_LF.replace(/\n/g, "\r\n") }, store)
      const estimate = (await api.post("/admin/estimates", { customer_id: customer.id, currency_code: "eur", lines: [{ title: "Roof", quantity: 1, unit_price: 10 }] }, admin())).data.estimate
      expect((await api.post(`/admin/estimates/${estimate.id}/send`, {}, admin())).status).toBe(200)
      const accepted = await api.post(`/store/portal/estimates/${estimate.id}/accept`, { note: `${XSS.script}\r\nBcc: evil3@attacker.test` }, store)
      expect(accepted.status).toBe(200)
      const ownerMail = await sink.waitFor((m) => JSON.stringify(m.to).includes("owner@acme.test"))
      problems.push(...mailProblems("owner decision email", ownerMail))
      if (!ownerMail.text?.includes(XSS.script)) problems.push("owner decision email text lost the note as literal text")

      // Admin responses return the strings as data.
      const activity = await api.get(`/admin/customers/${customer.id}/portal-activity`, admin())
      expect(activity.status).toBe(200)
      const adminEstimate = await api.get(`/admin/estimates/${estimate.id}`, admin())
      if (!JSON.stringify(adminEstimate.data).includes(JSON.stringify(`${XSS.script}\r\nBcc: evil3@attacker.test`).slice(1, -1))) {
        problems.push("admin estimate JSON does not return the decision note as the same string")
      }
      expect(problems).toEqual([])
    })

    it("the owner's document text and business name: escaped on pages, data in JSON, literal in PDFs, no header injection in emails", async () => {
      // A business name with a line break may be refused (400) or stored; either way no email may grow a header.
      let business = `${HEADER} ${XSS.script}`
      const settings = await api.post("/admin/portal/settings", { business_name: business }, admin())
      expect([200, 400]).toContain(settings.status)
      if (settings.status === 400) {
        business = `Acme ${XSS.script}`
        expect((await api.post("/admin/portal/settings", { business_name: business }, admin())).status).toBe(200)
      }
      // A support email that smuggles a header is not an email address.
      const refused = await api.post("/admin/portal/settings", { support_email: "help@acme.test\r\nBcc: evil@attacker.test" }, admin())
      expect(refused.status).toBe(400)

      const lines = [
        { title: XSS.script, description: XSS.img, quantity: 1, unit_price: 1 },
        { title: XSS.svg, description: XSS.jsUrl, quantity: 1, unit_price: 2 },
        { title: BIDI, description: XSS.template, quantity: 1, unit_price: 3 },
        { title: `${SQL} ${XSS.attr}`, description: HEADER, quantity: 1, unit_price: 4 },
      ]
      const notes = `${XSS.img} ${XSS.jsUrl} ${SQL}`
      const created = await api.post("/admin/invoices", { customer_id: customer.id, currency_code: "usd", lines, notes }, admin())
      expect(created.status).toBe(200)
      const id = created.data.invoice.id
      const sent = await api.post(`/admin/invoices/${id}/send`, {}, admin())
      expect(sent.status).toBe(200)
      const estimate = (await api.post("/admin/estimates", { customer_id: customer.id, currency_code: "usd", lines, notes }, admin())).data.estimate
      expect((await api.post(`/admin/estimates/${estimate.id}/send`, {}, admin())).status).toBe(200)

      const problems: string[] = []
      const payloads = [...lines.flatMap((l) => [l.title, l.description]), notes, business]
      for (const path of ["/portal", "/portal/invoices", `/portal/invoices/${id}`, "/portal/estimates", `/portal/estimates/${estimate.id}`]) {
        const response = await api.get(path, page)
        expect([path, response.status]).toEqual([path, 200])
        problems.push(...htmlProblems(path, response.data, payloads))
      }
      const detail = (await api.get(`/portal/invoices/${id}`, page)).data as string
      if (!detail.includes(htmlEscape(XSS.script).replace(/&quot;/g, "&quot;")) && !detail.includes("&lt;script&gt;")) problems.push("invoice page does not show the line title escaped")

      // JSON: the same strings, as data (store and admin).
      for (const [where, body] of [
        ["store invoice", (await api.get(`/store/portal/invoices/${id}`, store)).data],
        ["store estimate", (await api.get(`/store/portal/estimates/${estimate.id}`, store)).data],
        ["admin invoice", (await api.get(`/admin/invoices/${id}`, admin())).data],
      ] as const) {
        const text = JSON.stringify(body)
        for (const l of lines) {
          for (const value of [l.title, l.description]) {
            if (!text.includes(JSON.stringify(value).slice(1, -1))) problems.push(`${where} JSON lost ${JSON.stringify(value)}`)
          }
        }
      }

      // PDFs: no crash, and the ASCII payloads are there as literal text.
      for (const path of [`/portal/invoices/${id}/pdf`, `/store/portal/estimates/${estimate.id}/pdf`, `/admin/invoices/${id}/pdf`]) {
        const options = path.startsWith("/admin") ? admin() : path.startsWith("/store") ? store : page
        const pdf = await api.get(path, { ...options, responseType: "arraybuffer" })
        if (pdf.status !== 200) {
          problems.push(`${path}: ${pdf.status}`)
          continue
        }
        const { text } = await readPdf(Buffer.from(pdf.data))
        const flat = text.replace(/\s+/g, " ")
        for (const literal of [XSS.script, XSS.svg, SQL, XSS.jsUrl]) {
          if (!flat.includes(literal)) problems.push(`${path}: PDF text lacks the literal ${JSON.stringify(literal)}`)
        }
      }

      // Emails: sending the documents emails the customer (the portal link email names the business).
      await sink.waitFor((m) => (m.subject ?? "").includes("Acme")).catch((e) =>
        problems.push(`emails: ${(e as Error).message}; subjects ${JSON.stringify(sink.messages.map((m) => m.subject))}`)
      )
      for (const mail of sink.messages) problems.push(...mailProblems(`email "${mail.subject}"`, mail))
      if (!sink.messages.some((m) => (m.subject ?? "").includes("Acme"))) problems.push("control: no email subject carries the business name")
      expect([...new Set(problems)]).toEqual([])
    })

    it("SQL-ish and wildcard strings in filters and search answer 400 or an empty list: never 500, never another row", async () => {
      const container = getContainer()
      const other = (await createCustomer(container, { first_name: "Other" })) as any
      for (let i = 0; i < 2; i++) {
        await seedInvoice(container, customer.id, "sent", { display_number: `MINE-${i}` })
        await seedInvoice(container, other.id, "sent", { display_number: `THEIRS-${i}` })
      }
      const problems: string[] = []
      const strings = [SQL, SQL2, "%", "_", "\\", "%%", "' ; DROP TABLE portal_invoice; --", `") OR ("1"="1`, "1' UNION SELECT id FROM customer --", "\u0000", "*", "[a-z]", "$ne"]
      let tried = 0
      for (const s of strings) {
        const e = encodeURIComponent(s)
        const admins = [`/admin/invoices?q=${e}`, `/admin/estimates?q=${e}`, `/admin/invoices?customer_id=${e}`, `/admin/invoices?status=${e}`, `/admin/invoices?customer_id[]=${e}`, `/admin/invoices?order=${e}`, `/admin/invoices?issue_date[$gt]=${e}`, `/admin/invoices?q[$ne]=${e}`, `/admin/invoices?customer_id[$ne]=${e}`]
        for (const path of admins) {
          tried++
          const r = await api.get(path, admin())
          const list = r.data?.invoices ?? r.data?.estimates
          if (r.status >= 500) problems.push(`${path}: ${r.status} ${JSON.stringify(r.data).slice(0, 200)}`)
          else if (r.status === 200 && list?.length) problems.push(`${path}: 200 with ${list.length} rows (${list.map((x: any) => x.display_number)})`)
          else if (r.status !== 200 && r.status !== 400) problems.push(`${path}: ${r.status}`)
        }
        for (const path of [`/store/portal/invoices?status=${e}`, `/store/portal/estimates?status=${e}`, `/store/portal/invoices?customer_id=${e}`, `/store/portal/invoices?q=${e}`]) {
          tried++
          const r = await api.get(path, store)
          if (r.status >= 500) problems.push(`${path}: ${r.status}`)
          else if (r.status === 200 && JSON.stringify(r.data).includes("THEIRS")) problems.push(`${path}: another customer's rows`)
          else if (r.status !== 200 && r.status !== 400) problems.push(`${path}: ${r.status}`)
        }
        for (const path of [`/portal/invoices?status=${e}`, `/portal/estimates?status=${e}`]) {
          tried++
          const r = await api.get(path, page)
          if (r.status >= 500 || String(r.data).includes("THEIRS")) problems.push(`${path}: ${r.status}${String(r.data).includes("THEIRS") ? " with another customer's rows" : ""}`)
        }
      }
      // A search that should match does (the filter works at all), and a customer filter scopes.
      const mine = await api.get(`/admin/invoices?q=MINE`, admin())
      expect(mine.data.invoices.map((i: any) => i.display_number).sort()).toEqual(["MINE-0", "MINE-1"])
      console.log(`injection: ${strings.length} SQL-ish / wildcard strings × ${tried / strings.length} filters = ${tried} requests`)
      expect(problems).toEqual([])
    })
  },
})
