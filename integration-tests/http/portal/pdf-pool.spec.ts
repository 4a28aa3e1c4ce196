import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createApiKeysWorkflow } from "@medusajs/medusa/core-flows"
import type { PdfInvoiceData } from "../../../src/lib/pdf"
import { isPdfRendererBusy, secondsText } from "../../../src/lib/pdf"
import { readPdf } from "../../../src/lib/pdf/__tests__/extract-text"
import { createPortalLinkWorkflow } from "../../../src/workflows/access"
import { adminHeaders, createAdminUser } from "../../utils/admin"
import { createCustomer } from "../../utils/customer"
import { portalService, seedInvoice } from "../../utils/portal"
import { portalSession } from "./helpers"

jest.setTimeout(120_000)

const filler: PdfInvoiceData = {
  kind: "invoice",
  number: "FILL-0001",
  status_label: "Unpaid",
  issue_date: "2026-01-05",
  currency_code: "eur",
  customer: { name: "Someone else" },
  lines: [{ title: "Filler", quantity: 1, unit_price: 1, total: 1 }],
  subtotal: 1,
  tax_total: 0,
  total: 1,
}

/**
 * Keeps every slot of the PDF pool taken until stopped: each runner renders again in the same
 * microtask run its render finished in, so no request (which arrives from I/O, a later macrotask)
 * can find a free slot in between. Deterministic, whatever the machine's speed.
 */
function saturate(render: () => Promise<Buffer>, runners: number) {
  let stopped = false
  const rendered: Buffer[] = []
  const loops = Array.from({ length: runners }, async () => {
    while (!stopped) {
      try {
        rendered.push(await render())
      } catch (error) {
        if (!isPdfRendererBusy(error)) {
          throw error
        }
        await new Promise((resolve) => setTimeout(resolve, 5))
      }
    }
  })
  return {
    rendered,
    stop: async () => {
      stopped = true
      await Promise.all(loops)
    },
  }
}

/*
 * One PDF thread and one waiting place: the third concurrent PDF is refused. Set before the
 * runner's own beforeAll, which reads medusa-config.ts (the runner's `env` comes too late for it).
 */
const POOL_ENV = { PORTAL_PDF_THREADS: "1", PORTAL_PDF_MAX_QUEUE: "1" }
const savedEnv: Record<string, string | undefined> = {}
beforeAll(() => {
  for (const [key, value] of Object.entries(POOL_ENV)) {
    savedEnv[key] = process.env[key]
    process.env[key] = value
  }
})
afterAll(() => {
  for (const key of Object.keys(POOL_ENV)) {
    savedEnv[key] === undefined ? delete process.env[key] : (process.env[key] = savedEnv[key])
  }
})

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let customer: { id: string }
    let page: any
    let store: { headers: Record<string, string>; responseType: "arraybuffer" }
    let invoice: { id: string; display_number: string | null }
    const admin = { ...adminHeaders, responseType: "arraybuffer" as const, validateStatus: () => true }

    beforeEach(async () => {
      const container = getContainer()
      await createAdminUser(adminHeaders, container)
      await portalService(container).updateSettings({ enabled: true, business_name: "Acme Plumbing" })
      customer = (await createCustomer(container, { first_name: "Noor" })) as any
      page = { ...(await portalSession(api, container, customer.id)), responseType: "arraybuffer" }
      const { result: keys } = await createApiKeysWorkflow(container).run({
        input: { api_keys: [{ title: "store", type: "publishable", created_by: "test" }] },
      })
      const { result: link } = await createPortalLinkWorkflow(container).run({ input: { customer_id: customer.id } })
      const token = new URL(link.url).pathname.split("/").pop()
      const { data } = await api.post("/store/portal/auth", { token }, { headers: { "x-publishable-api-key": keys[0].token } })
      store = {
        headers: { "x-publishable-api-key": keys[0].token, authorization: `Bearer ${data.token}` },
        responseType: "arraybuffer",
        validateStatus: () => true,
      } as any
      invoice = (await seedInvoice(container, customer.id, "sent", { display_number: "INV-0042" })) as any
    })

    const faces = () => ({
      page: api.get(`/portal/invoices/${invoice.id}/pdf`, page),
      store: api.get(`/store/portal/invoices/${invoice.id}/pdf`, store),
      admin: api.get(`/admin/invoices/${invoice.id}/pdf`, admin),
    })

    async function expectPdf(response: any) {
      expect(response.status).toBe(200)
      expect(response.headers["content-type"]).toBe("application/pdf")
      const bytes = Buffer.from(response.data)
      expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-")
      const { text } = await readPdf(bytes)
      expect(text).toContain("Invoice INV-0042")
      expect(text).toContain("Boiler service")
    }

    function expectRetryAfter(response: any) {
      expect(response.status).toBe(503)
      expect(response.headers["retry-after"]).toMatch(/^\d+$/)
      expect(Number(response.headers["retry-after"])).toBeGreaterThanOrEqual(1)
      return Number(response.headers["retry-after"])
    }

    it("answers 503 with Retry-After on the page, store and admin PDF routes while the pool is full, then PDFs again", async () => {
      const portal = portalService(getContainer())
      // More runners than the pool's two places (one rendering, one waiting), so it stays full.
      const load = saturate(() => portal.renderDocumentPdf(filler, null), 4)
      let refused: Record<string, any>
      try {
        const pending = faces()
        const storeEs = api.get(`/store/portal/invoices/${invoice.id}/pdf`, { ...store, headers: { ...store.headers, "accept-language": "es" } })
        refused = { page: await pending.page, store: await pending.store, admin: await pending.admin, storeEs: await storeEs }
      } finally {
        await load.stop()
      }

      // The portal page: a branded message page, not a download and not an error page.
      const seconds = expectRetryAfter(refused.page)
      expect(refused.page.headers["content-type"]).toMatch(/^text\/html/)
      expect(refused.page.headers["content-disposition"]).toBeUndefined()
      const html = Buffer.from(refused.page.data).toString("utf8")
      expect(html).toContain("Your PDF is not ready yet")
      expect(html).toContain(`Please try again in ${secondsText(seconds)}.`)
      expect(secondsText(1)).toBe("1 second")
      expect(html).toContain("Acme Plumbing")
      expect(html).toContain(`href="/portal/invoices/${invoice.id}"`)

      // The storefront and the admin: Medusa's error shape, saying when to retry.
      for (const response of [refused.store, refused.admin]) {
        const retry = expectRetryAfter(response)
        expect(response.headers["content-type"]).toMatch(/^application\/json/)
        expect(JSON.parse(Buffer.from(response.data).toString("utf8"))).toEqual({
          type: "service_unavailable",
          message: `Too many PDFs are being prepared right now; try again in ${retry} second${retry === 1 ? "" : "s"}`,
        })
      }

      // A Spanish-speaking customer's storefront reads it in Spanish.
      const retryEs = expectRetryAfter(refused.storeEs)
      expect(JSON.parse(Buffer.from(refused.storeEs.data).toString("utf8")).message).toBe(
        retryEs === 1
          ? "Se están preparando demasiados PDF en este momento; vuelva a intentarlo en 1 segundo"
          : `Se están preparando demasiados PDF en este momento; vuelva a intentarlo en ${retryEs} segundos`
      )

      // Meanwhile the pool kept rendering the other PDFs, each valid.
      expect(load.rendered.length).toBeGreaterThan(0)
      expect((await readPdf(load.rendered[0])).text).toContain("Invoice FILL-0001")
      // A refused download is not a download.
      expect(await portal.listPortalEvents({ type: "pdf_downloaded", subject_id: invoice.id })).toHaveLength(0)

      // With the load gone, every face gets the PDF. One after another: three at once could find the
      // pool's two places taken (a refusal by design) whenever a render is slow to finish.
      await expectPdf(await api.get(`/portal/invoices/${invoice.id}/pdf`, page))
      await expectPdf(await api.get(`/store/portal/invoices/${invoice.id}/pdf`, store))
      await expectPdf(await api.get(`/admin/invoices/${invoice.id}/pdf`, admin))
      expect(await portal.listPortalEvents({ type: "pdf_downloaded", subject_id: invoice.id })).toHaveLength(2)
    })

    it("under a burst, every answer is a valid PDF or a 503 saying when to retry", async () => {
      const burst = await Promise.all([faces(), faces(), faces()].flatMap((f) => [f.page, f.store, f.admin]))
      const served = burst.filter((r) => r.status === 200)
      expect(served.length).toBeGreaterThan(0)
      for (const response of burst) {
        if (response.status === 200) {
          await expectPdf(response)
        } else {
          expectRetryAfter(response)
        }
      }
    })
  },
})
