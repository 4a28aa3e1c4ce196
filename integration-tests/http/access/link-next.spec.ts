import { Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { ParsedMail } from "mailparser"
import { adminHeaders, createAdminUser } from "../../utils/admin"
import { createCustomer } from "../../utils/customer"
import { drainEventBus } from "../../utils/drain"
import { invoiceBody, portalService } from "../../utils/portal"
import { SmtpSink, useSmtpSink } from "../../utils/smtp-sink"
import { formActionFrom, noRedirect, pressOpenLink, sessionCookieFrom } from "../portal/helpers"

jest.setTimeout(180_000)

/**
 * Emails link straight to the document they are about (issue 13, item 4): the link carries an
 * open-redirect-safe `?next=` (src/lib/portal-next.ts) through the link page's confirm step, the
 * expired link's renewal and the "Email me a link" login flow.
 */
let sink: SmtpSink
useSmtpSink("Acme Plumbing <portal@acme.test>", (started) => (sink = started))

/** A magic link with whatever query it carries. */
const LINK = /https?:\/\/[^\s"<>]+\/portal\/access\/[A-Za-z0-9_-]{43}(\?[^\s"<>]*)?/
const linkIn = (mail: ParsedMail) => mail.text!.match(LINK)![0]
const form = { headers: { "content-type": "application/x-www-form-urlencoded" }, ...noRedirect }
const enc = encodeURIComponent

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let customer: { id: string; email: string }
    const to = (mail: ParsedMail) => !!mail.to && !Array.isArray(mail.to) && mail.to.text.includes(customer.email)
    const copyLink = async () => (await api.post(`/admin/customers/${customer.id}/portal-access/link`, {}, adminHeaders)).data.link
    const pathOf = (url: string) => new URL(url).pathname
    const landing = async (url: string) => {
      const opened = await pressOpenLink(api, url)
      return { status: opened.status, location: opened.headers.location }
    }

    beforeEach(async () => {
      sink.clear()
      await getContainer().resolve(Modules.CACHE).invalidate("portal:rl:*")
      await createAdminUser(adminHeaders, getContainer())
      await portalService(getContainer()).updateSettings({ enabled: true, business_name: "Acme Plumbing" })
      customer = (await createCustomer(getContainer(), { first_name: "Jane" })) as any
    })

    const sendInvoice = async () => {
      const { invoice } = (await api.post("/admin/invoices", invoiceBody(customer.id), adminHeaders)).data
      return (await api.post(`/admin/invoices/${invoice.id}/send`, {}, adminHeaders)).data.invoice
    }

    describe("document emails", () => {
      it("the first invoice's access email and the next invoice's email each open that invoice", async () => {
        const first = await sendInvoice()
        const access = await sink.waitFor(to)
        expect(linkIn(access)).toMatch(new RegExp(`\\?next=${enc(`/portal/invoices/${first.id}`)}$`))
        expect(await landing(linkIn(access))).toEqual({ status: 303, location: `/portal/invoices/${first.id}` })

        sink.clear()
        const second = await sendInvoice()
        const mail = await sink.waitFor((m) => to(m) && m.text!.includes(second.display_number))
        expect(linkIn(mail)).toContain(`?next=${enc(`/portal/invoices/${second.id}`)}`)
        expect(mail.html).toContain(`?next=${enc(`/portal/invoices/${second.id}`)}`)
        const opened = await pressOpenLink(api, linkIn(mail))
        expect(opened.headers.location).toBe(`/portal/invoices/${second.id}`)
        const page = await api.get(opened.headers.location, { headers: { cookie: sessionCookieFrom(opened) }, ...noRedirect })
        expect(page.status).toBe(200)
        expect(page.data).toContain(second.display_number)
      })

      it("an estimate's email opens that estimate", async () => {
        await api.post(`/admin/customers/${customer.id}/portal-access/send`, {}, adminHeaders)
        await sink.waitFor(to)
        await drainEventBus(getContainer())
        sink.clear()
        const { estimate: draft } = (await api.post("/admin/estimates", invoiceBody(customer.id), adminHeaders)).data
        const { estimate } = (await api.post(`/admin/estimates/${draft.id}/send`, {}, adminHeaders)).data
        const mail = await sink.waitFor((m) => to(m) && m.text!.includes(estimate.display_number))
        expect(await landing(linkIn(mail))).toEqual({ status: 303, location: `/portal/estimates/${estimate.id}` })
      })

      it("the owner's Send Portal Access email carries no next and opens the home page", async () => {
        await api.post(`/admin/customers/${customer.id}/portal-access/send`, {}, adminHeaders)
        const mail = await sink.waitFor(to)
        expect(linkIn(mail)).not.toContain("next=")
        expect(await landing(linkIn(mail))).toEqual({ status: 303, location: "/portal" })
      })
    })

    describe("the link page", () => {
      it("keeps next through its confirm step: the GET's form posts it, the POST lands there", async () => {
        const link = await copyLink()
        const next = "/portal/estimates/est_123"
        const page = await api.get(`${pathOf(link.url)}?next=${enc(next)}`, noRedirect)
        expect(page.status).toBe(200)
        expect(formActionFrom(page.data)).toBe(`${pathOf(link.url)}?next=${enc(next)}`)
        expect(await landing(`${link.url}?next=${enc(next)}`)).toEqual({ status: 303, location: next })
      })

      it.each([
        ["//evil.com"],
        ["/\\evil.com"],
        ["https://evil.com/portal/invoices/inv_1"],
        ["javascript:alert(1)"],
        ["/portal/../admin"],
        ["/portal/invoices/%2e%2e%2f%2e%2e%2fadmin"],
        ["/admin/users"],
        ["/portal/logout"],
        [`/portal/invoices/${"a".repeat(5000)}`],
      ])("drops an unsafe next %p and lands on /portal", async (next) => {
        const link = await copyLink()
        const page = await api.get(`${pathOf(link.url)}?next=${enc(next)}`, noRedirect)
        expect(page.status).toBe(200)
        expect(formActionFrom(page.data)).toBe(pathOf(link.url))
        expect(page.data).not.toContain("evil")
        expect(await landing(`${link.url}?next=${enc(next)}`)).toEqual({ status: 303, location: "/portal" })
      })

      it("refuses an unsafe next posted straight to the button, and a next given twice", async () => {
        const link = await copyLink()
        const page = await api.get(pathOf(link.url), noRedirect)
        const nonce = (page.headers["set-cookie"] as string[]).find((c) => c.startsWith("portal_link_nonce="))!.split(";")[0]
        const csrf = page.data.match(/name="_csrf" value="([^"]+)"/)[1]
        const posted = await api.post(
          `${pathOf(link.url)}?next=${enc("//evil.com")}&next=${enc("/portal/invoices/inv_1")}`,
          `_csrf=${csrf}`,
          { ...form, headers: { ...form.headers, cookie: nonce } }
        )
        expect({ status: posted.status, location: posted.headers.location }).toEqual({ status: 303, location: "/portal" })
      })

      it("sends a browser already signed in as that customer straight to next", async () => {
        const first = await pressOpenLink(api, (await copyLink()).url)
        const cookie = sessionCookieFrom(first)
        const link = await copyLink()
        const again = await api.get(`${pathOf(link.url)}?next=${enc("/portal/history")}`, { headers: { cookie }, ...noRedirect })
        expect({ status: again.status, location: again.headers.location }).toEqual({ status: 303, location: "/portal/history" })
      })
    })

    describe("when the link no longer works", () => {
      it("an expired link's renewal emails a link that still opens the document", async () => {
        const link = await copyLink()
        await portalService(getContainer()).updatePortalTokens({ id: link.id, expires_at: new Date(Date.now() - 1000) })
        const next = "/portal/invoices/inv_42"
        const page = await api.get(`${pathOf(link.url)}?next=${enc(next)}`, noRedirect)
        expect(page.status).toBe(410)
        const renew = formActionFrom(page.data)
        expect(renew).toBe(`${pathOf(link.url)}/renew?next=${enc(next)}`)
        sink.clear()
        expect((await api.post(renew, "", form)).status).toBe(200)
        const mail = await sink.waitFor(to)
        expect(await landing(linkIn(mail))).toEqual({ status: 303, location: next })
      })

      it("a page opened signed out sends to the login page with next, whose emailed link lands there", async () => {
        await copyLink() // the customer has access
        const signedOut = await api.get("/portal/invoices/inv_7", noRedirect)
        expect(signedOut.status).toBe(401)
        const loginUrl = `/portal/login?next=${enc("/portal/invoices/inv_7")}`
        expect(signedOut.data).toContain(`href="${loginUrl}"`)

        const login = await api.get(loginUrl, noRedirect)
        expect(login.data).toContain('<input type="hidden" name="next" value="/portal/invoices/inv_7">')
        sink.clear()
        const sent = await api.post("/portal/login", `email=${enc(customer.email)}&next=${enc("/portal/invoices/inv_7")}`, form)
        expect(sent.status).toBe(200)
        const mail = await sink.waitFor(to)
        expect(await landing(linkIn(mail))).toEqual({ status: 303, location: "/portal/invoices/inv_7" })
      })

      it("the login flow drops an unsafe next: the emailed link opens the home page", async () => {
        await copyLink()
        const login = await api.get(`/portal/login?next=${enc("//evil.com")}`, noRedirect)
        expect(login.data).not.toContain('name="next"')
        sink.clear()
        await api.post("/portal/login", `email=${enc(customer.email)}&next=${enc("https://evil.com")}`, form)
        const mail = await sink.waitFor(to)
        expect(linkIn(mail)).not.toContain("next=")
        expect(await landing(linkIn(mail))).toEqual({ status: 303, location: "/portal" })
      })
    })
  },
})
