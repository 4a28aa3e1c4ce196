import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createApiKeysWorkflow } from "@medusajs/medusa/core-flows"
import { createPortalLinkWorkflow } from "../../../src/workflows/access"
import { createCustomer } from "../../utils/customer"
import { portalService, seedEstimate, seedInvoice } from "../../utils/portal"
import { portalSession } from "./helpers"

jest.setTimeout(180_000)

/** Both lists, page by page, on both faces: every document exactly once, in one order. */
const KINDS = [
  { kind: "invoices", prefix: "inv_", seed: (c: any, id: string) => seedInvoice(c, id, "sent") },
  { kind: "estimates", prefix: "est_", seed: (c: any, id: string) => seedEstimate(c, id, "sent") },
] as const

/** Ids of the documents a list page links to, in page order. */
const idsOnPage = (html: string, kind: string, prefix: string) =>
  [...html.matchAll(new RegExp(`href="/portal/${kind}/(${prefix}[A-Za-z0-9]+)"`, "g"))].map((m) => m[1])

/** The pager's links, decoded (`&amp;` → `&`). */
const pagerLink = (html: string, label: "Previous" | "Next") => {
  const match = html.match(new RegExp(`<a href="([^"]+)"[^>]*>${label}</a>`))
  return match ? match[1].replace(/&amp;/g, "&") : null
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let customer: { id: string }
    let session: any
    let store: { headers: Record<string, string>; validateStatus: () => boolean }

    beforeEach(async () => {
      const container = getContainer()
      await portalService(container).updateSettings({ enabled: true })
      customer = (await createCustomer(container)) as any
      session = await portalSession(api, container, customer.id)
      const { result: keys } = await createApiKeysWorkflow(container).run({
        input: { api_keys: [{ title: "store", type: "publishable", created_by: "test" }] },
      })
      const { result: link } = await createPortalLinkWorkflow(container).run({ input: { customer_id: customer.id } })
      const token = new URL(link.url).pathname.split("/").pop()
      const headers = { "x-publishable-api-key": keys[0].token }
      const { data } = await api.post("/store/portal/auth", { token }, { headers })
      store = { headers: { ...headers, authorization: `Bearer ${data.token}` }, validateStatus: () => true }
    })

    describe.each(KINDS)("$kind", ({ kind, prefix, seed }) => {
      const seedMany = async (n: number) => {
        const ids: string[] = []
        for (let i = 0; i < n; i++) {
          ids.push((await seed(getContainer(), customer.id)).id)
        }
        // Another customer's documents never show up, on any page.
        await seed(getContainer(), ((await createCustomer(getContainer())) as any).id)
        return ids
      }

      it("pages the HTML list at the default page size (21 documents: 20 + 1)", async () => {
        const ids = await seedMany(21)

        const first = await api.get(`/portal/${kind}`, session)
        expect(first.status).toBe(200)
        const firstIds = idsOnPage(first.data, kind, prefix)
        expect(firstIds).toHaveLength(20)
        expect(first.data).toContain("1–20 of 21")
        expect(pagerLink(first.data, "Previous")).toBeNull()
        expect(pagerLink(first.data, "Next")).toBe(`/portal/${kind}?offset=20`)

        const second = await api.get(pagerLink(first.data, "Next")!, session)
        expect(second.status).toBe(200)
        const secondIds = idsOnPage(second.data, kind, prefix)
        expect(secondIds).toHaveLength(1)
        expect(second.data).toContain("21–21 of 21")
        expect(pagerLink(second.data, "Previous")).toBe(`/portal/${kind}`)
        expect(pagerLink(second.data, "Next")).toBeNull()

        expect([...firstIds, ...secondIds].sort()).toEqual([...ids].sort())
      })

      it("walks every HTML page by its Next links: no duplicates, no gaps, and a page past the end says so", async () => {
        const ids = await seedMany(5)
        const seen: string[] = []
        const sizes: number[] = []
        let url: string | null = `/portal/${kind}?limit=2`
        while (url) {
          const page = await api.get(url, session)
          expect(page.status).toBe(200)
          const onPage = idsOnPage(page.data, kind, prefix)
          sizes.push(onPage.length)
          seen.push(...onPage)
          url = pagerLink(page.data, "Next")
          // The page size travels with the links.
          if (url) {
            expect(url).toContain("limit=2")
          }
        }
        expect(sizes).toEqual([2, 2, 1])
        expect(new Set(seen).size).toBe(seen.length)
        expect([...seen].sort()).toEqual([...ids].sort())

        const past = await api.get(`/portal/${kind}?limit=2&offset=40`, session)
        expect(past.status).toBe(200)
        expect(idsOnPage(past.data, kind, prefix)).toEqual([])
        expect(past.data).toContain("past the end")
        expect(pagerLink(past.data, "Previous")).toBe(`/portal/${kind}?limit=2&offset=4`)
      })

      it("pages the JSON list with offset and limit: right count, rows per page, no duplicates, no gaps", async () => {
        const ids = await seedMany(5)
        const all = await api.get(`/store/portal/${kind}?limit=100`, store)
        expect(all.status).toBe(200)
        expect(all.data.count).toBe(5)
        const order = all.data[kind].map((d: { id: string }) => d.id)
        expect([...order].sort()).toEqual([...ids].sort())

        const pages: string[][] = []
        for (const offset of [0, 2, 4]) {
          const page = await api.get(`/store/portal/${kind}?limit=2&offset=${offset}`, store)
          expect(page.status).toBe(200)
          expect(page.data).toEqual(expect.objectContaining({ count: 5, offset, limit: 2 }))
          pages.push(page.data[kind].map((d: { id: string }) => d.id))
        }
        expect(pages.map((p) => p.length)).toEqual([2, 2, 1])
        expect(pages.flat()).toEqual(order)

        const past = await api.get(`/store/portal/${kind}?limit=2&offset=40`, store)
        expect(past.status).toBe(200)
        expect(past.data).toEqual(expect.objectContaining({ count: 5, offset: 40, limit: 2, [kind]: [] }))
      })
    })
  },
})
