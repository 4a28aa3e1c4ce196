import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { ParsedMail } from "mailparser"
import { adminHeaders, createAdminUser } from "../../utils/admin"
import { createCustomer } from "../../utils/customer"
import { drainEventBus } from "../../utils/drain"
import { portalService, seedInvoice } from "../../utils/portal"
import { SmtpSink, useSmtpSink } from "../../utils/smtp-sink"
import { csrfFrom, formPost, portalSession, pressOpenLink, sessionCookieFrom } from "./helpers"

jest.setTimeout(120_000)

/**
 * Languages (issue #14): a customer reads the portal, its pages and its emails in their language:
 * the one the owner or they chose, else their browser's, else the shop default.
 */

let sink: SmtpSink
useSmtpSink("Acme Plumbing <portal@acme.test>", (started) => (sink = started))

const LINK = /https?:\/\/[^\s"<>]+\/portal\/access\/[A-Za-z0-9_-]{43}/
const recipient = (mail: ParsedMail) => (mail.to && !Array.isArray(mail.to) ? mail.to.text : "")

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let customer: { id: string; email: string }

    beforeEach(async () => {
      sink.clear()
      await createAdminUser(adminHeaders, getContainer())
      await portalService(getContainer()).updateSettings({ enabled: true, business_name: "Acme Plumbing" })
      customer = (await createCustomer(getContainer(), { first_name: "Ana" })) as any
    })

    it("gives a customer the owner set to Spanish the link email, the portal and an invoice in Spanish", async () => {
      const set = await api.post(`/admin/customers/${customer.id}/portal-access/locale`, { locale: "es" }, adminHeaders)
      expect(set.status).toBe(200)
      expect(set.data.portal_access.locale).toBe("es")

      await api.post(`/admin/customers/${customer.id}/portal-access/send`, {}, adminHeaders)
      const mail = await sink.waitFor((m) => recipient(m).includes(customer.email))
      expect(mail.subject).toBe("El enlace a su portal de clientes de Acme Plumbing")
      expect(mail.text).toContain("Hola, Ana:")
      expect(mail.html).toContain('<html lang="es">')
      await drainEventBus(getContainer())

      const opened = await pressOpenLink(api, mail.text!.match(LINK)![0])
      const session = { headers: { cookie: sessionCookieFrom(opened) }, maxRedirects: 0, validateStatus: () => true }
      const invoice = await seedInvoice(getContainer(), customer.id, "sent")

      // The customer's choice wins over an English browser.
      const home = await api.get("/portal", { ...session, headers: { ...session.headers, "accept-language": "en-US,en;q=0.9" } })
      expect(home.status).toBe(200)
      expect(home.headers["content-language"]).toBe("es")
      expect(home.data).toContain('<html lang="es">')
      expect(home.data).toContain("Hola, Ana")
      expect(home.data).toContain(">Facturas</a>")
      expect(home.data).toContain("Cerrar sesión")

      const page = await api.get(`/portal/invoices/${invoice.id}`, session)
      expect(page.status).toBe(200)
      expect(page.data).toContain("Importe pendiente")
      expect(page.data).toContain("59,97\u00a0€")
      expect(page.data).toContain("Descargar PDF")
      expect(page.data).not.toContain("Amount due")
    })

    it("follows the browser's language without a choice, then the shop default", async () => {
      const session = await portalSession(api, getContainer(), customer.id)
      const withLanguage = (language?: string) => ({
        ...session,
        headers: { ...session.headers, ...(language ? { "accept-language": language } : {}) },
      })

      const english = await api.get("/portal", withLanguage())
      expect(english.data).toContain('<html lang="en">')
      expect(english.data).toContain("Hello, Ana")

      const spanish = await api.get("/portal", withLanguage("es-MX,es;q=0.9,en;q=0.5"))
      expect(spanish.data).toContain('<html lang="es">')
      expect(spanish.data).toContain("Hola, Ana")
      expect(spanish.headers.vary).toMatch(/Accept-Language/i)

      // Signed out too: the sign-in page and the 404 page.
      const login = await api.get("/portal/login", { headers: { "accept-language": "es" } })
      expect(login.data).toContain("Reciba el enlace a su portal")
      const missing = await api.get("/portal/nowhere", { headers: { "accept-language": "es" }, validateStatus: () => true })
      expect(missing.status).toBe(404)
      expect(missing.data).toContain("Página no encontrada")

      const saved = await api.post("/admin/portal/settings", { default_locale: "es" }, adminHeaders)
      expect(saved.data.portal_settings.default_locale).toBe("es")
      expect((await api.get("/portal", withLanguage())).data).toContain("Hola, Ana")
      expect((await api.get("/portal", withLanguage("de-DE"))).data).toContain("Hola, Ana")
      expect((await api.get("/portal", withLanguage("en"))).data).toContain("Hello, Ana")
    })

    it("lets the customer choose their language in Profile, and refuses one the portal does not speak", async () => {
      const session = await portalSession(api, getContainer(), customer.id)
      const form = await api.get("/portal/profile", session)
      expect(form.data).toContain('<option value="es" lang="es">Español</option>')

      const refused = await api.post(
        "/portal/profile",
        new URLSearchParams({ _csrf: csrfFrom(form.data), first_name: "Ana", locale: "fr" }).toString(),
        formPost(session)
      )
      expect(refused.status).toBe(400)
      const [unchanged] = await portalService(getContainer()).listPortalAccesses({ customer_id: customer.id })
      expect(unchanged.locale).toBeNull()

      const saved = await api.post(
        "/portal/profile",
        new URLSearchParams({ _csrf: csrfFrom(form.data), first_name: "Ana", locale: "es" }).toString(),
        formPost(session)
      )
      expect(saved.status).toBe(303)
      const after = await api.get("/portal/profile?saved=1", session)
      expect(after.data).toContain('<html lang="es">')
      expect(after.data).toContain("Se guardaron sus datos.")
      expect(after.data).toContain('<option value="es" lang="es" selected>Español</option>')

      // Later emails follow the choice: a new invoice arrives in Spanish.
      sink.clear()
      await api.post(`/admin/customers/${customer.id}/portal-access/send`, {}, adminHeaders)
      const mail = await sink.waitFor((m) => recipient(m).includes(customer.email))
      expect(mail.subject).toBe("El enlace a su portal de clientes de Acme Plumbing")
      await drainEventBus(getContainer())
    })

    it("refuses a language the owner cannot set, and an unknown customer", async () => {
      const bad = await api.post(`/admin/customers/${customer.id}/portal-access/locale`, { locale: "fr" }, { ...adminHeaders, validateStatus: () => true })
      expect(bad.status).toBe(400)
      expect(bad.data.message).toMatch(/locale/)
      const missing = await api.post("/admin/customers/cus_missing/portal-access/locale", { locale: "es" }, { ...adminHeaders, validateStatus: () => true })
      expect(missing.status).toBe(404)
      const cleared = await api.post(`/admin/customers/${customer.id}/portal-access/locale`, { locale: null }, adminHeaders)
      expect(cleared.data.portal_access.locale).toBeNull()
    })
  },
})
