import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { adminHeaders, createAdminUser } from "../../utils/admin"
import { createCustomer, createCustomerWithoutEmail } from "../../utils/customer"
import {
  emittedMessages,
  estimateBody,
  expectError,
  FUTURE,
  hoursLine,
  portalService,
  portalSnapshot,
  seedDraftInvoice,
  seedEstimate,
  spyOnEventBus,
} from "../../utils/portal"

jest.setTimeout(120_000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let customer: { id: string }

    beforeEach(async () => {
      await createAdminUser(adminHeaders, getContainer())
      customer = await createCustomer(getContainer())
    })

    afterEach(() => {
      jest.restoreAllMocks()
    })

    const portal = () => portalService(getContainer())
    const countEstimates = async () => (await portal().listPortalEstimates({}, { withDeleted: true })).length
    const countInvoices = async () => (await portal().listPortalInvoices({}, { withDeleted: true })).length
    const send = (id: string) => api.post(`/admin/estimates/${id}/send`, {}, adminHeaders).catch((e) => e.response)
    const convert = (id: string) =>
      api.post(`/admin/estimates/${id}/convert`, {}, adminHeaders).catch((e) => e.response)
    const list = async (query = "") => (await api.get(`/admin/estimates${query}`, adminHeaders)).data
    const ids = (rows: { id: string }[]) => rows.map((r) => r.id).sort()

    describe("authentication", () => {
      it.each<[string, string]>([
        ["get", "/admin/estimates"],
        ["get", "/admin/estimates/est_123"],
        ["post", "/admin/estimates"],
        ["post", "/admin/estimates/est_123"],
        ["delete", "/admin/estimates/est_123"],
        ["post", "/admin/estimates/est_123/send"],
        ["post", "/admin/estimates/est_123/convert"],
      ])("answers %s %s with 401 without an admin token", async (method, path) => {
        const response = await (method === "get" || method === "delete"
          ? api[method](path)
          : api.post(path, estimateBody(customer.id))
        ).catch((e) => e.response)

        expect(response.status).toBe(401)
      })
    })

    describe("POST /admin/estimates", () => {
      it("creates a draft estimate whose totals the server computes", async () => {
        const response = await api.post(
          "/admin/estimates",
          estimateBody(customer.id, { valid_until: FUTURE, notes: "Valid for 30 days", internal_note: "Margin 40%" }),
          adminHeaders
        )

        expect(response.status).toBe(200)
        const { estimate } = response.data
        expect(estimate).toEqual(
          expect.objectContaining({
            id: expect.any(String),
            customer_id: customer.id,
            currency_code: "eur",
            status: "draft",
            display_status: "draft",
            display_number: null,
            subtotal: 59.97,
            tax_total: 0,
            total: 59.97,
            notes: "Valid for 30 days",
            internal_note: "Margin 40%",
            lines: [expect.objectContaining({ title: "Boiler service", quantity: 3, unit_price: 19.99, total: 59.97 })],
          })
        )
        expect(new Date(estimate.valid_until).toISOString()).toBe(FUTURE)
        expect(await countEstimates()).toBe(1)
        expect(await countInvoices()).toBe(0)
      })

      it.each<[string, (customerId: string) => Record<string, unknown>, string]>([
        ["an unknown field", (c) => estimateBody(c, { colour: "red" }), "colour"],
        ["a due date, which estimates do not have", (c) => estimateBody(c, { due_date: FUTURE }), "due_date"],
        ["a client-computed total", (c) => estimateBody(c, { total: 1 }), "total"],
        ["a client-computed line total", (c) => estimateBody(c, { lines: [{ ...hoursLine(), total: 1 }] }), "total"],
        ["a quantity of 0", (c) => estimateBody(c, { lines: [{ ...hoursLine(), quantity: 0 }] }), "quantity"],
        ["a negative unit price", (c) => estimateBody(c, { lines: [{ ...hoursLine(), unit_price: -1 }] }), "unit_price"],
        ["a tax rate above 100", (c) => estimateBody(c, { lines: [{ ...hoursLine(), tax_rate: 101 }] }), "tax_rate"],
        ["an unknown currency", (c) => estimateBody(c, { currency_code: "xyz" }), "currency_code"],
        [
          "a validity end before the issue date",
          (c) => estimateBody(c, { issue_date: "2024-03-01T12:00:00.000Z", valid_until: "2024-02-01T12:00:00.000Z" }),
          "valid_until",
        ],
        ["lines given as text", (c) => estimateBody(c, { lines: "Boiler" }), "lines"],
      ])("refuses %s with a 400 naming the field and writes nothing", async (_case, body, field) => {
        const before = await portalSnapshot(getContainer())

        const response = await api.post("/admin/estimates", body(customer.id), adminHeaders).catch((e) => e.response)

        expectError(response, 400, field)
        expect(await portalSnapshot(getContainer())).toEqual(before)
      })

      it("refuses an unknown customer, naming the customer id, and writes nothing", async () => {
        const response = await api
          .post("/admin/estimates", estimateBody("cus_01DOESNOTEXIST"), adminHeaders)
          .catch((e) => e.response)

        expectError(response, 400, "cus_01DOESNOTEXIST")
        expect(await countEstimates()).toBe(0)
      })
    })

    describe("GET /admin/estimates", () => {
      it("lists estimates with count, offset and a default limit of 20", async () => {
        for (let i = 0; i < 21; i++) {
          await seedEstimate(getContainer(), customer.id, "draft")
        }

        const response = await api.get("/admin/estimates", adminHeaders)

        expect(response.status).toBe(200)
        expect(response.data).toEqual(expect.objectContaining({ count: 21, offset: 0, limit: 20 }))
        expect(response.data.estimates).toHaveLength(20)
      })

      describe("by status", () => {
        let byStatus: Record<string, string>

        beforeEach(async () => {
          byStatus = {}
          for (const status of ["draft", "sent", "accepted", "rejected"] as const) {
            byStatus[status] = (await seedEstimate(getContainer(), customer.id, status)).id
          }
        })

        it.each<[string, string[]]>([
          ["?status=draft", ["draft"]],
          ["?status=sent", ["sent"]],
          ["?status=pending", ["sent"]],
          ["?status=accepted", ["accepted"]],
          ["?status=rejected", ["rejected"]],
          ["?status[]=accepted&status[]=rejected", ["accepted", "rejected"]],
          ["?status[]=pending&status[]=draft", ["sent", "draft"]],
        ])("%s lists exactly the matching estimates", async (query, statuses) => {
          const { estimates, count } = await list(query)

          expect(ids(estimates)).toEqual(statuses.map((s) => byStatus[s]).sort())
          expect(count).toBe(statuses.length)
        })

        it("shows a sent estimate as pending", async () => {
          const { estimates } = await list()

          expect(Object.fromEntries(estimates.map((e: any) => [e.id, e.display_status]))).toEqual({
            [byStatus.draft]: "draft",
            [byStatus.sent]: "pending",
            [byStatus.accepted]: "accepted",
            [byStatus.rejected]: "rejected",
          })
        })

        it("refuses a status that only invoices have", async () => {
          const response = await api.get("/admin/estimates?status=paid", adminHeaders).catch((e) => e.response)

          expectError(response, 400, "status")
        })
      })

      it("filters by customer and finds estimates by a partial display number", async () => {
        const other = await createCustomer(getContainer())
        const mine = await seedEstimate(getContainer(), customer.id, "sent", { display_number: "EST-0007" })
        await seedEstimate(getContainer(), other.id, "sent", { display_number: "EST-0008" })

        expect(ids((await list(`?customer_id=${customer.id}`)).estimates)).toEqual([mine.id])
        expect(ids((await list("?q=est-0007")).estimates)).toEqual([mine.id])
        expect((await list("?q=EST-000")).count).toBe(2)
      })
    })

    describe("GET /admin/estimates/:id", () => {
      it("returns the estimate with its lines", async () => {
        const estimate = await seedEstimate(getContainer(), customer.id, "sent")

        const response = await api.get(`/admin/estimates/${estimate.id}`, adminHeaders)

        expect(response.status).toBe(200)
        expect(response.data.estimate).toEqual(
          expect.objectContaining({
            id: estimate.id,
            status: "sent",
            total: 59.97,
            lines: [expect.objectContaining({ title: "Boiler service", total: 59.97 })],
          })
        )
      })

      it("answers 404 for an unknown estimate", async () => {
        const response = await api.get("/admin/estimates/est_01DOESNOTEXIST", adminHeaders).catch((e) => e.response)

        expectError(response, 404)
      })
    })

    describe("POST /admin/estimates/:id", () => {
      it("edits a draft and recomputes its totals", async () => {
        const draft = await seedEstimate(getContainer(), customer.id, "draft")

        const response = await api.post(
          `/admin/estimates/${draft.id}`,
          { valid_until: FUTURE, lines: [{ title: "Radiator", quantity: 2, unit_price: 310.5, tax_rate: 10 }] },
          adminHeaders
        )

        expect(response.status).toBe(200)
        expect(response.data.estimate).toEqual(
          expect.objectContaining({
            subtotal: 621,
            tax_total: 62.1,
            total: 683.1,
            lines: [expect.objectContaining({ title: "Radiator", total: 683.1 })],
          })
        )
        expect(await portal().listPortalEstimateLines({ estimate_id: draft.id })).toHaveLength(1)
      })

      it.each(["sent", "accepted", "rejected"] as const)(
        "refuses to edit a %s estimate and names its state",
        async (status) => {
          const estimate = await seedEstimate(getContainer(), customer.id, status)
          const before = await portalSnapshot(getContainer())

          const response = await api
            .post(`/admin/estimates/${estimate.id}`, { notes: "Cheaper now" }, adminHeaders)
            .catch((e) => e.response)

          expectError(response, 409, status)
          expect(await portalSnapshot(getContainer())).toEqual(before)
        }
      )
    })

    describe("DELETE /admin/estimates/:id", () => {
      it("deletes a draft, which is then gone", async () => {
        const draft = await seedEstimate(getContainer(), customer.id, "draft")

        const response = await api.delete(`/admin/estimates/${draft.id}`, adminHeaders)

        expect(response.status).toBe(200)
        expect(response.data).toEqual({ id: draft.id, object: "estimate", deleted: true })
        const after = await api.get(`/admin/estimates/${draft.id}`, adminHeaders).catch((e) => e.response)
        expect(after.status).toBe(404)
      })

      it("refuses to delete a sent estimate and names its state", async () => {
        const sent = await seedEstimate(getContainer(), customer.id, "sent")
        const before = await portalSnapshot(getContainer())

        const response = await api.delete(`/admin/estimates/${sent.id}`, adminHeaders).catch((e) => e.response)

        expectError(response, 409, "sent")
        expect(await portalSnapshot(getContainer())).toEqual(before)
      })
    })

    describe("POST /admin/estimates/:id/send", () => {
      it("sends a draft as EST-0001, numbered apart from invoices", async () => {
        const invoice = await seedDraftInvoice(getContainer(), customer.id)
        await api.post(`/admin/invoices/${invoice.id}/send`, {}, adminHeaders).catch((e) => e.response)
        const draft = await seedEstimate(getContainer(), customer.id, "draft")

        const response = await send(draft.id)

        expect(response.status).toBe(200)
        expect(response.data.estimate).toEqual(
          expect.objectContaining({ id: draft.id, status: "sent", display_number: "EST-0001", sent_at: expect.any(String) })
        )
        expect((await portal().retrievePortalEstimate(draft.id)).status).toBe("sent")
      })

      it("takes the number prefix from the portal settings", async () => {
        await portal().updateSettings({ estimate_prefix: "Q-" })
        const draft = await seedEstimate(getContainer(), customer.id, "draft")

        expect((await send(draft.id)).data.estimate.display_number).toBe("Q-0001")
      })

      it("resends a sent estimate with the same number", async () => {
        const draft = await seedEstimate(getContainer(), customer.id, "draft")
        await send(draft.id)

        const resend = await send(draft.id)

        expect(resend.status).toBe(200)
        expect(resend.data.estimate).toEqual(expect.objectContaining({ status: "sent", display_number: "EST-0001" }))
      })

      it("refuses to send a draft without lines, saying it needs a line", async () => {
        const empty = await seedEstimate(getContainer(), customer.id, "draft", { lines: [] })
        const before = await portalSnapshot(getContainer())

        expectError(await send(empty.id), 400, /line/i)
        expect(await portalSnapshot(getContainer())).toEqual(before)
      })

      it("refuses to send to a customer without an email", async () => {
        const noEmail = await createCustomerWithoutEmail(getContainer())
        const draft = await seedEstimate(getContainer(), noEmail.id, "draft")
        const before = await portalSnapshot(getContainer())

        expectError(await send(draft.id), 400, /email/i)
        expect(await portalSnapshot(getContainer())).toEqual(before)
      })

      it.each(["accepted", "rejected"] as const)(
        "refuses to send an %s estimate and names its state",
        async (status) => {
          const estimate = await seedEstimate(getContainer(), customer.id, status)
          const before = await portalSnapshot(getContainer())

          expectError(await send(estimate.id), 409, status)
          expect(await portalSnapshot(getContainer())).toEqual(before)
        }
      )

      it("emits portal.estimate.sent", async () => {
        const draft = await seedEstimate(getContainer(), customer.id, "draft")
        const spy = spyOnEventBus(getContainer())

        await send(draft.id)

        expect(emittedMessages(spy, "portal.estimate.sent")).toEqual([
          expect.objectContaining({ data: expect.objectContaining({ id: draft.id }) }),
        ])
      })
    })

    describe("invoice-only actions", () => {
      it.each(["void", "payments"])("has no /%s route for estimates", async (action) => {
        const sent = await seedEstimate(getContainer(), customer.id, "sent")
        const before = await portalSnapshot(getContainer())

        const response = await api
          .post(`/admin/estimates/${sent.id}/${action}`, { amount: 1, method: "cash" }, adminHeaders)
          .catch((e) => e.response)

        expect(response.status).toBe(404)
        expect(await portalSnapshot(getContainer())).toEqual(before)
      })
    })

    describe("POST /admin/estimates/:id/convert", () => {
      /** Sent through the route, then accepted through the module: the customer's accept route comes later. */
      const acceptedEstimate = async () => {
        const draft = await portal().createDraftEstimate({
          customer_id: customer.id,
          currency_code: "usd",
          notes: "Includes parts",
          lines: [
            { title: "Boiler service", description: "Annual", quantity: 3, unit_price: 19.99 },
            { title: "Parts", quantity: 1, unit_price: 100, tax_rate: 20 },
          ],
        })
        expect((await send(draft.id)).status).toBe(200)
        await portal().updatePortalEstimates({ id: draft.id, status: "accepted", decided_at: new Date() })
        return draft
      }

      it("turns an accepted estimate into a draft invoice with the same lines, linked both ways", async () => {
        const estimate = await acceptedEstimate()

        const response = await convert(estimate.id)

        expect(response.status).toBe(200)
        const { invoice, estimate: converted } = response.data
        expect(invoice).toEqual(
          expect.objectContaining({
            id: expect.any(String),
            status: "draft",
            display_number: null,
            customer_id: customer.id,
            currency_code: "usd",
            subtotal: 159.97,
            tax_total: 20,
            total: 179.97,
            amount_paid: 0,
            estimate_id: estimate.id,
          })
        )
        const lineShape = (l: any) => ({
          title: l.title,
          quantity: Number(l.quantity),
          unit_price: Number(l.unit_price),
          tax_rate: l.tax_rate == null ? null : Number(l.tax_rate),
        })
        const byTitle = (a: any, b: any) => a.title.localeCompare(b.title)
        const sameLines = [
          { title: "Boiler service", quantity: 3, unit_price: 19.99, tax_rate: null },
          { title: "Parts", quantity: 1, unit_price: 100, tax_rate: 20 },
        ]
        expect(converted).toEqual(
          expect.objectContaining({ id: estimate.id, status: "accepted", invoice_id: invoice.id })
        )

        const storedInvoice = await portal().retrievePortalInvoice(invoice.id, { relations: ["lines"] })
        expect(storedInvoice).toEqual(expect.objectContaining({ status: "draft", estimate_id: estimate.id }))
        expect(Number(storedInvoice.total)).toBe(179.97)
        expect(storedInvoice.lines.map(lineShape).sort(byTitle)).toEqual(sameLines)
        // The response shows the new invoice as the other invoice routes do: with its lines.
        expect((invoice.lines ?? []).map(lineShape).sort(byTitle)).toEqual(sameLines)
        expect((await portal().retrievePortalEstimate(estimate.id)).invoice_id).toBe(invoice.id)
        expect(await countInvoices()).toBe(1)
      })

      it("refuses to convert an estimate twice, saying it already was", async () => {
        const estimate = await acceptedEstimate()
        await convert(estimate.id)
        const before = await portalSnapshot(getContainer())

        const response = await convert(estimate.id)

        expectError(response, 409, "already")
        expect(await portalSnapshot(getContainer())).toEqual(before)
        expect(await countInvoices()).toBe(1)
      })

      it.each(["draft", "sent", "rejected"] as const)(
        "refuses to convert a %s estimate, naming its state, and creates no invoice",
        async (status) => {
          const estimate = await seedEstimate(getContainer(), customer.id, status)
          const before = await portalSnapshot(getContainer())

          const response = await convert(estimate.id)

          expectError(response, 409, status)
          expect(await portalSnapshot(getContainer())).toEqual(before)
          expect(await countInvoices()).toBe(0)
        }
      )

      it("answers 404 for an unknown estimate", async () => {
        expectError(await convert("est_01DOESNOTEXIST"), 404)
      })
    })
  },
})
