import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createApiKeysWorkflow } from "@medusajs/medusa/core-flows"
import { createPortalLinkWorkflow } from "../../../src/workflows/access"
import { createCustomer } from "../../utils/customer"
import { portalService, portalSnapshot, seedEstimate, seedInvoice } from "../../utils/portal"
import { csrfFrom, formPost, portalSession } from "./helpers"

jest.setTimeout(120_000)

/**
 * Languages (issue #14), beyond the pages: the store routes' refusals (validation, signing,
 * paying, a changed estimate) and labels are said in the customer's language (their Profile
 * choice, else Accept-Language); status codes and `type` do not change, and English stays word
 * for word what it was. The link page speaks the language of the customer its link names.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let storeHeaders: Record<string, string>

    beforeEach(async () => {
      const container = getContainer()
      await portalService(container).updateSettings({ enabled: true, allow_payments: true, approval_requires_name: true })
      const { result: keys } = await createApiKeysWorkflow(container).run({
        input: { api_keys: [{ title: "store", type: "publishable", created_by: "test" }] },
      })
      storeHeaders = { "x-publishable-api-key": keys[0].token }
    })

    /** A new customer signed in through the store face; `language` is their browser's. */
    async function signIn(language?: string) {
      const container = getContainer()
      const customer = (await createCustomer(container, { first_name: "Ana" })) as any
      const { result: link } = await createPortalLinkWorkflow(container).run({ input: { customer_id: customer.id } })
      const token = new URL(link.url).pathname.split("/").pop()
      const { data } = await api.post("/store/portal/auth", { token }, { headers: storeHeaders })
      const headers = { ...storeHeaders, authorization: `Bearer ${data.token}`, ...(language ? { "accept-language": language } : {}) }
      return { customer, request: { headers, validateStatus: () => true } }
    }

    /** The refusals this spec provokes, each with what changed nothing. */
    async function refusals(customerId: string, request: { headers: Record<string, string> }) {
      const container = getContainer()
      const estimate = await seedEstimate(container, customerId, "sent", { display_number: `EST-${customerId.slice(-6)}` })
      const paid = await seedInvoice(container, customerId, "paid", { display_number: `INV-${customerId.slice(-6)}` })
      const before = await portalSnapshot(container)
      const answers = {
        profile: await api.post("/store/portal/profile", { first_name: "Ana", phone: "abc", city: "Madrid" }, request),
        approve: await api.post(`/store/portal/estimates/${estimate.id}/accept`, {}, request),
        changed: await api.post(`/store/portal/estimates/${estimate.id}/accept`, { full_name: "Ana Pérez", estimate_hash: "0".repeat(64) }, request),
        pay: await api.post(`/store/portal/invoices/${paid.id}/payment-session`, {}, request),
      }
      expect(await portalSnapshot(container)).toEqual(before)
      const said = Object.fromEntries(Object.entries(answers).map(([name, r]) => [name, [r.status, r.data.type, r.data.message]]))
      return { said, estimate, paid }
    }

    it("keeps the English refusals as they were", async () => {
      const { customer, request } = await signIn()
      const { said, paid, estimate } = await refusals(customer.id, request)
      expect(said.profile).toEqual([400, "invalid_data", expect.stringContaining("Invalid request: ")])
      expect(said.profile[2]).toContain("Enter a phone number like +1 555 0100")
      expect(said.profile[2]).toContain("Enter the street address")
      expect(said.approve).toEqual([400, "invalid_data", "Type your full name to approve this estimate."])
      expect(said.changed).toEqual([
        409,
        "conflict",
        `Estimate ${estimate.display_number} changed since you opened it. Please review it again and then decide.`,
      ])
      expect(said.pay).toEqual([400, "not_allowed", `Invoice ${paid.display_number} has nothing left to pay`])
    })

    it.each([
      ["chosen in Profile", undefined],
      ["asked by the browser", "es-ES,es;q=0.9,en;q=0.5"],
    ])("says them in Spanish to a customer whose language is Spanish (%s)", async (how, language) => {
      const { customer, request } = await signIn(language)
      if (!language) {
        const chose = await api.post("/store/portal/profile", { first_name: "Ana", locale: "es" }, request)
        expect([how, chose.status, chose.data.locale]).toEqual([how, 200, "es"])
      }
      const { said, paid, estimate } = await refusals(customer.id, request)
      expect(said.profile).toEqual([400, "invalid_data", expect.stringContaining("Solicitud no válida: ")])
      expect(said.profile[2]).toContain("Escriba un número de teléfono como +34 600 000 000")
      expect(said.profile[2]).toContain("Escriba la dirección (calle y número)")
      expect(said.profile[2]).not.toContain("Enter")
      expect(said.approve).toEqual([400, "invalid_data", "Escriba su nombre completo para aprobar este presupuesto."])
      expect(said.changed).toEqual([
        409,
        "conflict",
        `El presupuesto ${estimate.display_number} ha cambiado desde que lo abrió. Revíselo de nuevo y después decida.`,
      ])
      expect(said.pay).toEqual([400, "not_allowed", `La factura ${paid.display_number} no tiene nada pendiente de pago`])
    })

    it("shows the profile page's field errors in the page's language", async () => {
      const customer = (await createCustomer(getContainer(), { first_name: "Ana" })) as any
      const session = await portalSession(api, getContainer(), customer.id)
      const spanish = { ...session, headers: { ...session.headers, "accept-language": "es" } }
      const form = await api.get("/portal/profile", spanish)
      const post = (request: typeof session) =>
        api.post("/portal/profile", new URLSearchParams({ _csrf: csrfFrom(form.data), first_name: "", phone: "abc" }).toString(), formPost(request))
      const refused = await post(spanish)
      expect(refused.status).toBe(400)
      expect(refused.data).toContain("Escriba su nombre")
      expect(refused.data).toContain("Escriba un número de teléfono como +34 600 000 000")
      const english = await post(session)
      expect(english.data).toContain("Enter your first name")
      expect(english.data).toContain("Enter a phone number like +1 555 0100")
    })

    it("labels the JSON in the customer's language: statuses, methods, history titles, statement entries", async () => {
      const { customer, request } = await signIn("es")
      const container = getContainer()
      const paid = await seedInvoice(container, customer.id, "paid", { display_number: `INV-${customer.id.slice(-6)}` })
      await seedEstimate(container, customer.id, "accepted", { display_number: `EST-${customer.id.slice(-6)}` })
      await portalService(container).updateSettings({ allow_service_history: true })

      const list = await api.get("/store/portal/invoices", request)
      expect(list.data.invoices.map((i: any) => i.status_label)).toEqual(["Pagada"])
      const detail = await api.get(`/store/portal/invoices/${paid.id}`, request)
      expect(detail.data.invoice.payments.map((p: any) => p.method_label)).toEqual(["Efectivo"])
      const estimates = await api.get("/store/portal/estimates", request)
      expect(estimates.data.estimates.map((e: any) => e.status_label)).toEqual(["Aceptado"])
      const history = await api.get("/store/portal/history", request)
      expect(history.data.history.map((h: any) => h.title).sort()).toEqual([`Factura ${paid.display_number} pagada`, `Presupuesto EST-${customer.id.slice(-6)} aceptado`])
      const statement = await api.get("/store/portal/statement", request)
      const entries = statement.data.statement.sections[0].entries
      expect(entries.map((e: any) => [e.kind_label, e.description])).toEqual([
        ["Factura", `Factura ${paid.display_number}`],
        ["Pago", `Pago de ${paid.display_number} (Efectivo)`],
      ])
      expect(statement.data.statement.sections[0].ageing.buckets[0].label).toBe("Al corriente")

      // English for an English reader, as before.
      const english = { ...request, headers: { ...request.headers, "accept-language": "en" } }
      expect((await api.get("/store/portal/invoices", english)).data.invoices[0].status_label).toBe("Paid")
      expect((await api.get("/store/portal/statement", english)).data.statement.sections[0].entries[1].description).toBe(`Payment for ${paid.display_number} (Cash)`)
    })

    it("opens a link in the language of the customer it names, not the browser's", async () => {
      const customer = (await createCustomer(getContainer(), { first_name: "Ana" })) as any
      const { result: link } = await createPortalLinkWorkflow(getContainer()).run({ input: { customer_id: customer.id } })
      const path = new URL(link.url).pathname
      const english = { headers: { "accept-language": "en-US,en;q=0.9" }, validateStatus: () => true }
      expect((await api.get(path, english)).data).toContain("Open my portal")
      const [access] = await portalService(getContainer()).listPortalAccesses({ customer_id: customer.id })
      await portalService(getContainer()).updatePortalAccesses({ id: access.id, locale: "es" })
      const page = await api.get(path, english)
      expect(page.status).toBe(200)
      expect(page.data).toContain('<html lang="es">')
      expect(page.data).toContain("Abrir mi portal")
    })
  },
})
