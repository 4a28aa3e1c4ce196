import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { adminHeaders, createAdminUser } from "../../utils/admin"
import { createCustomer } from "../../utils/customer"
import {
  expectError,
  FUTURE,
  hoursLine,
  invoiceBody,
  PAST,
  portalService,
  portalSnapshot,
  seedDraftInvoice,
  seedInvoice,
} from "../../utils/portal"

jest.setTimeout(120_000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let customer: { id: string; email: string | null }

    beforeEach(async () => {
      await createAdminUser(adminHeaders, getContainer())
      customer = await createCustomer(getContainer())
    })

    const portal = () => portalService(getContainer())
    const countInvoices = async () => (await portal().listPortalInvoices({}, { withDeleted: true })).length
    const countLines = async () => (await portal().listPortalInvoiceLines({}, { withDeleted: true })).length

    describe("authentication", () => {
      it("accepts the admin token the test helper signs", async () => {
        const response = await api.get("/admin/users/me", adminHeaders)

        expect(response.status).toBe(200)
        expect(response.data.user).toEqual(expect.objectContaining({ email: "admin@portal.test" }))
      })

      it.each<[string, string]>([
        ["get", "/admin/invoices"],
        ["get", "/admin/invoices/inv_123"],
        ["post", "/admin/invoices"],
        ["post", "/admin/invoices/inv_123"],
        ["delete", "/admin/invoices/inv_123"],
        ["post", "/admin/invoices/inv_123/send"],
        ["post", "/admin/invoices/inv_123/void"],
        ["post", "/admin/invoices/inv_123/payments"],
      ])("answers %s %s with 401 without an admin token", async (method, path) => {
        const response = await (method === "get" || method === "delete"
          ? api[method](path)
          : api.post(path, invoiceBody(customer.id))
        ).catch((e) => e.response)

        expect(response.status).toBe(401)
      })

      it("writes nothing for a create request without an admin token", async () => {
        const response = await api.post("/admin/invoices", invoiceBody(customer.id)).catch((e) => e.response)

        expect(response.status).toBe(401)
        expect(await countInvoices()).toBe(0)
      })

      it("refuses a malformed bearer token", async () => {
        const response = await api
          .get("/admin/invoices", { headers: { authorization: "Bearer not-a-valid-token" } })
          .catch((e) => e.response)

        expect(response.status).toBe(401)
      })
    })

    describe("POST /admin/invoices", () => {
      it("creates a draft whose totals the server computes: 3 × 19.99 is exactly 59.97", async () => {
        const response = await api.post("/admin/invoices", invoiceBody(customer.id), adminHeaders)

        expect(response.status).toBe(200)
        const { invoice } = response.data
        expect(invoice).toEqual(
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
            amount_paid: 0,
          })
        )
        expect(invoice.lines).toEqual([
          expect.objectContaining({
            title: "Boiler service",
            quantity: 3,
            unit_price: 19.99,
            subtotal: 59.97,
            tax_total: 0,
            total: 59.97,
          }),
        ])

        const stored = await portal().retrievePortalInvoice(invoice.id, { relations: ["lines"] })
        expect(Number(stored.total)).toBe(59.97)
        expect(stored.lines).toHaveLength(1)
        expect(await countInvoices()).toBe(1)
      })

      it("adds each line's tax to the totals", async () => {
        const response = await api.post(
          "/admin/invoices",
          invoiceBody(customer.id, {
            lines: [
              { title: "Parts", quantity: 1, unit_price: 100, tax_rate: 20 },
              { title: "Labour", description: "1.5 hours", quantity: 1.5, unit_price: 40 },
            ],
          }),
          adminHeaders
        )

        expect(response.status).toBe(200)
        const { invoice } = response.data
        expect(invoice).toEqual(expect.objectContaining({ subtotal: 160, tax_total: 20, total: 180 }))
        const byTitle = Object.fromEntries(invoice.lines.map((l: any) => [l.title, l]))
        expect(byTitle.Parts).toEqual(
          expect.objectContaining({ tax_rate: 20, subtotal: 100, tax_total: 20, total: 120 })
        )
        expect(byTitle.Labour).toEqual(
          expect.objectContaining({ description: "1.5 hours", quantity: 1.5, subtotal: 60, tax_total: 0, total: 60 })
        )
      })

      it("rounds a line's tax half-up to the cent", async () => {
        const response = await api.post(
          "/admin/invoices",
          invoiceBody(customer.id, { lines: [{ title: "Washer", quantity: 1, unit_price: 0.05, tax_rate: 10 }] }),
          adminHeaders
        )

        expect(response.status).toBe(200)
        expect(response.data.invoice).toEqual(expect.objectContaining({ subtotal: 0.05, tax_total: 0.01, total: 0.06 }))
      })

      it("rounds to whole units in a currency without decimals (JPY)", async () => {
        const response = await api.post(
          "/admin/invoices",
          invoiceBody(customer.id, {
            currency_code: "jpy",
            lines: [{ title: "Inspection", quantity: 1, unit_price: 999, tax_rate: 10 }],
          }),
          adminHeaders
        )

        expect(response.status).toBe(200)
        expect(response.data.invoice).toEqual(
          expect.objectContaining({ currency_code: "jpy", subtotal: 999, tax_total: 100, total: 1099 })
        )
      })

      it("stores the dates, notes, internal note and metadata it is given", async () => {
        const body = invoiceBody(customer.id, {
          issue_date: "2024-02-01T12:00:00.000Z",
          due_date: "2024-03-01T12:00:00.000Z",
          notes: "Thank you for your business",
          internal_note: "Customer pays late",
          metadata: { job: "J-42" },
        })

        const { invoice } = (await api.post("/admin/invoices", body, adminHeaders)).data

        expect(invoice).toEqual(
          expect.objectContaining({
            notes: "Thank you for your business",
            internal_note: "Customer pays late",
            metadata: { job: "J-42" },
          })
        )
        expect(new Date(invoice.issue_date).toISOString()).toBe("2024-02-01T12:00:00.000Z")
        expect(new Date(invoice.due_date).toISOString()).toBe("2024-03-01T12:00:00.000Z")
      })

      it("accepts a unit price of exactly 1e12, the upper bound", async () => {
        const response = await api.post(
          "/admin/invoices",
          invoiceBody(customer.id, { lines: [{ title: "Skyscraper", quantity: 1, unit_price: 1e12 }] }),
          adminHeaders
        )

        expect(response.status).toBe(200)
        expect(response.data.invoice.total).toBe(1e12)
      })

      const line = (overrides: Record<string, unknown>) => ({ ...hoursLine(), ...overrides })
      const withoutTitle = () => {
        const { title: _title, ...rest } = hoursLine()
        return rest
      }

      it.each<[string, (customerId: string) => Record<string, unknown>, string]>([
        ["an unknown top-level field", (c) => invoiceBody(c, { colour: "red" }), "colour"],
        ["a client-computed total", (c) => invoiceBody(c, { total: 1 }), "total"],
        ["a client-computed subtotal", (c) => invoiceBody(c, { subtotal: 1 }), "subtotal"],
        ["a client-computed line total", (c) => invoiceBody(c, { lines: [line({ total: 59.97 })] }), "total"],
        ["an unknown line field", (c) => invoiceBody(c, { lines: [line({ discount: 5 })] }), "discount"],
        ["a quantity of 0", (c) => invoiceBody(c, { lines: [line({ quantity: 0 })] }), "quantity"],
        ["a negative quantity", (c) => invoiceBody(c, { lines: [line({ quantity: -1 })] }), "quantity"],
        ["a negative unit price", (c) => invoiceBody(c, { lines: [line({ unit_price: -0.01 })] }), "unit_price"],
        ["a unit price above 1e12", (c) => invoiceBody(c, { lines: [line({ unit_price: 1e12 + 1 })] }), "unit_price"],
        ["a unit price that is not a number", (c) => invoiceBody(c, { lines: [line({ unit_price: "abc" })] }), "unit_price"],
        ["a tax rate above 100", (c) => invoiceBody(c, { lines: [line({ tax_rate: 100.5 })] }), "tax_rate"],
        ["a line without a title", (c) => invoiceBody(c, { lines: [withoutTitle()] }), "title"],
        ["an unknown currency", (c) => invoiceBody(c, { currency_code: "xyz" }), "currency_code"],
        ["a missing currency", (c) => invoiceBody(c, { currency_code: undefined }), "currency_code"],
        ["a missing customer", (c) => invoiceBody(c, { customer_id: undefined }), "customer_id"],
        [
          "a due date before the issue date",
          (c) => invoiceBody(c, { issue_date: "2024-03-01T12:00:00.000Z", due_date: "2024-02-01T12:00:00.000Z" }),
          "due_date",
        ],
        ["lines given as text", (c) => invoiceBody(c, { lines: "Boiler service" }), "lines"],
        ["lines given as one object", (c) => invoiceBody(c, { lines: hoursLine() }), "lines"],
      ])("refuses %s with a 400 naming the field and writes nothing", async (_case, body, field) => {
        const before = await portalSnapshot(getContainer())

        const response = await api.post("/admin/invoices", body(customer.id), adminHeaders).catch((e) => e.response)

        expectError(response, 400, field)
        expect(response.data.type).toBe("invalid_data")
        expect(await countInvoices()).toBe(0)
        expect(await countLines()).toBe(0)
        expect(await portalSnapshot(getContainer())).toEqual(before)
      })

      it("refuses an unknown customer with a 400 that names the customer id and writes nothing", async () => {
        const response = await api
          .post("/admin/invoices", invoiceBody("cus_01DOESNOTEXIST"), adminHeaders)
          .catch((e) => e.response)

        expectError(response, 400, "cus_01DOESNOTEXIST")
        expect(await countInvoices()).toBe(0)
        expect(await countLines()).toBe(0)
      })
    })

    describe("GET /admin/invoices", () => {
      const list = async (query = "") => (await api.get(`/admin/invoices${query}`, adminHeaders)).data
      const ids = (invoices: { id: string }[]) => invoices.map((i) => i.id).sort()

      it("lists invoices with count, offset and a default limit of 20", async () => {
        for (let i = 0; i < 23; i++) {
          await seedDraftInvoice(getContainer(), customer.id)
        }

        const response = await api.get("/admin/invoices", adminHeaders)

        expect(response.status).toBe(200)
        expect(response.data).toEqual(
          expect.objectContaining({ count: 23, offset: 0, limit: 20, invoices: expect.any(Array) })
        )
        expect(response.data.invoices).toHaveLength(20)
      })

      it("pages with limit and offset", async () => {
        for (let i = 0; i < 7; i++) {
          await seedDraftInvoice(getContainer(), customer.id)
        }

        const firstPage = await list("?limit=5&offset=0")
        const secondPage = await list("?limit=5&offset=5")

        expect(firstPage).toEqual(expect.objectContaining({ count: 7, offset: 0, limit: 5 }))
        expect(firstPage.invoices).toHaveLength(5)
        expect(secondPage).toEqual(expect.objectContaining({ count: 7, offset: 5, limit: 5 }))
        expect(secondPage.invoices).toHaveLength(2)
        const all = [...ids(firstPage.invoices), ...ids(secondPage.invoices)]
        expect(new Set(all).size).toBe(7)
      })

      it("filters by customer", async () => {
        const other = await createCustomer(getContainer())
        const mine = [
          await seedDraftInvoice(getContainer(), customer.id),
          await seedInvoice(getContainer(), customer.id, "sent"),
        ]
        await seedDraftInvoice(getContainer(), other.id)

        const { invoices, count } = await list(`?customer_id=${customer.id}`)

        expect(count).toBe(2)
        expect(ids(invoices)).toEqual(ids(mine))
      })

      describe("by status", () => {
        // One invoice in each state the owner can filter on, keyed by what the customer would see.
        let byLabel: Record<string, string>

        beforeEach(async () => {
          const c = getContainer()
          const seeds = {
            draft: await seedDraftInvoice(c, customer.id),
            unpaidDueLater: await seedInvoice(c, customer.id, "sent", { due_date: FUTURE }),
            unpaidNoDueDate: await seedInvoice(c, customer.id, "sent"),
            overdue: await seedInvoice(c, customer.id, "sent", { issue_date: PAST, due_date: "2020-02-15T12:00:00.000Z" }),
            paidAfterDueDate: await seedInvoice(c, customer.id, "paid", {
              issue_date: PAST,
              due_date: "2020-02-15T12:00:00.000Z",
            }),
            void: await seedInvoice(c, customer.id, "void", { issue_date: PAST, due_date: "2020-02-15T12:00:00.000Z" }),
          }
          byLabel = Object.fromEntries(Object.entries(seeds).map(([label, invoice]) => [label, invoice.id]))
        })

        const idsOf = (...labels: string[]) => labels.map((l) => byLabel[l]).sort()

        it.each<[string, string[]]>([
          ["?status=draft", ["draft"]],
          ["?status=sent", ["unpaidDueLater", "unpaidNoDueDate", "overdue"]],
          ["?status=paid", ["paidAfterDueDate"]],
          ["?status=void", ["void"]],
          ["?status=unpaid", ["unpaidDueLater", "unpaidNoDueDate"]],
          ["?status=overdue", ["overdue"]],
          ["?status[]=paid&status[]=void", ["paidAfterDueDate", "void"]],
          ["?status[]=overdue&status[]=draft", ["overdue", "draft"]],
          ["?status[]=unpaid&status[]=overdue", ["unpaidDueLater", "unpaidNoDueDate", "overdue"]],
        ])("%s lists exactly the matching invoices", async (query, labels) => {
          const { invoices, count } = await list(query)

          expect(ids(invoices)).toEqual(idsOf(...labels))
          expect(count).toBe(labels.length)
        })

        it("shows each invoice's display status, derived from the due date at read time", async () => {
          const { invoices } = await list()

          const shown = Object.fromEntries(invoices.map((i: any) => [i.id, i.display_status]))
          expect(shown).toEqual({
            [byLabel.draft]: "draft",
            [byLabel.unpaidDueLater]: "unpaid",
            [byLabel.unpaidNoDueDate]: "unpaid",
            [byLabel.overdue]: "overdue",
            [byLabel.paidAfterDueDate]: "paid",
            [byLabel.void]: "void",
          })
        })

        it("refuses an unknown status with a 400 naming the field", async () => {
          const response = await api.get("/admin/invoices?status=late", adminHeaders).catch((e) => e.response)

          expectError(response, 400, "status")
        })
      })

      it("finds invoices by a partial, case-insensitive display number", async () => {
        const c = getContainer()
        const first = await seedInvoice(c, customer.id, "sent", { display_number: "INV-0001" })
        const second = await seedInvoice(c, customer.id, "sent", { display_number: "INV-0002" })
        const tenth = await seedInvoice(c, customer.id, "sent", { display_number: "INV-0010" })
        await seedDraftInvoice(c, customer.id)

        expect(ids((await list("?q=inv-000")).invoices)).toEqual(ids([first, second]))
        expect(ids((await list("?q=0010")).invoices)).toEqual([tenth.id])
        expect(ids((await list("?q=INV-0001")).invoices)).toEqual([first.id])
        expect(await list("?q=nothing-like-this")).toEqual(expect.objectContaining({ invoices: [], count: 0 }))
      })

      describe("by issue date", () => {
        let january: string, february: string, march: string

        beforeEach(async () => {
          const c = getContainer()
          january = (await seedDraftInvoice(c, customer.id, { issue_date: "2024-01-10T12:00:00.000Z" })).id
          march = (await seedDraftInvoice(c, customer.id, { issue_date: "2024-03-10T12:00:00.000Z" })).id
          february = (await seedDraftInvoice(c, customer.id, { issue_date: "2024-02-10T12:00:00.000Z" })).id
        })

        it("filters on an issue date range", async () => {
          const inFebruary = await list("?issue_date[$gte]=2024-02-01T00:00:00.000Z&issue_date[$lte]=2024-02-29T23:59:59.000Z")
          const fromFebruary = await list("?issue_date[$gte]=2024-02-01T00:00:00.000Z")

          expect(ids(inFebruary.invoices)).toEqual([february])
          expect(ids(fromFebruary.invoices)).toEqual([february, march].sort())
        })

        it("orders by issue date, newest first with -issue_date", async () => {
          const newestFirst = await list("?order=-issue_date")
          const oldestFirst = await list("?order=issue_date")

          expect(newestFirst.invoices.map((i: any) => i.id)).toEqual([march, february, january])
          expect(oldestFirst.invoices.map((i: any) => i.id)).toEqual([january, february, march])
        })
      })

      it("returns only the fields asked for", async () => {
        await seedInvoice(getContainer(), customer.id, "sent", { display_number: "INV-0001", internal_note: "secret" })

        const { invoices } = await list("?fields=id,display_number")

        expect(invoices).toHaveLength(1)
        expect(invoices[0]).toEqual(expect.objectContaining({ id: expect.any(String), display_number: "INV-0001" }))
        for (const hidden of ["total", "customer_id", "internal_note", "lines", "currency_code"]) {
          expect(invoices[0]).not.toHaveProperty(hidden)
        }
      })

      it("adds the display status when the status is among the fields asked for", async () => {
        await seedInvoice(getContainer(), customer.id, "sent", { issue_date: PAST, due_date: "2020-02-01T12:00:00.000Z" })

        const { invoices } = await list("?fields=id,status")

        expect(invoices).toEqual([expect.objectContaining({ status: "sent", display_status: "overdue" })])
      })
    })

    describe("GET /admin/invoices/:id", () => {
      it("returns the invoice with its lines and payments", async () => {
        const paid = await seedInvoice(getContainer(), customer.id, "paid")

        const response = await api.get(`/admin/invoices/${paid.id}`, adminHeaders)

        expect(response.status).toBe(200)
        expect(response.data.invoice).toEqual(
          expect.objectContaining({
            id: paid.id,
            status: "paid",
            total: 59.97,
            amount_paid: 59.97,
            lines: [expect.objectContaining({ title: "Boiler service", quantity: 3, unit_price: 19.99, total: 59.97 })],
            payments: [expect.objectContaining({ amount: 59.97, method: "cash" })],
          })
        )
      })

      it("answers 404 for an unknown invoice", async () => {
        const response = await api.get("/admin/invoices/inv_01DOESNOTEXIST", adminHeaders).catch((e) => e.response)

        expectError(response, 404)
      })
    })

    describe("POST /admin/invoices/:id", () => {
      it("edits a draft and recomputes its totals from the lines that replace the old ones", async () => {
        const draft = await seedDraftInvoice(getContainer(), customer.id)

        const response = await api.post(
          `/admin/invoices/${draft.id}`,
          { notes: "Updated", lines: [{ title: "Parts", quantity: 2, unit_price: 10.5, tax_rate: 10 }] },
          adminHeaders
        )

        expect(response.status).toBe(200)
        expect(response.data.invoice).toEqual(
          expect.objectContaining({
            id: draft.id,
            status: "draft",
            notes: "Updated",
            subtotal: 21,
            tax_total: 2.1,
            total: 23.1,
            lines: [expect.objectContaining({ title: "Parts", subtotal: 21, tax_total: 2.1, total: 23.1 })],
          })
        )
        const stored = await portal().retrievePortalInvoice(draft.id, { relations: ["lines"] })
        expect(stored.lines.map((l) => l.title)).toEqual(["Parts"])
        expect(Number(stored.total)).toBe(23.1)
        expect(await countLines()).toBe(1)
      })

      it("keeps the lines and totals when only the header changes", async () => {
        const draft = await seedDraftInvoice(getContainer(), customer.id)

        const response = await api.post(
          `/admin/invoices/${draft.id}`,
          { due_date: FUTURE, internal_note: "call first" },
          adminHeaders
        )

        expect(response.status).toBe(200)
        expect(response.data.invoice).toEqual(
          expect.objectContaining({
            internal_note: "call first",
            total: 59.97,
            lines: [expect.objectContaining({ title: "Boiler service", total: 59.97 })],
          })
        )
        expect(new Date(response.data.invoice.due_date).toISOString()).toBe(FUTURE)
      })

      it("empties a draft when given no lines", async () => {
        const draft = await seedDraftInvoice(getContainer(), customer.id)

        const response = await api.post(`/admin/invoices/${draft.id}`, { lines: [] }, adminHeaders)

        expect(response.status).toBe(200)
        expect(response.data.invoice).toEqual(expect.objectContaining({ lines: [], subtotal: 0, tax_total: 0, total: 0 }))
      })

      it.each(["sent", "paid", "void"] as const)(
        "refuses to edit a %s invoice and names its state",
        async (status) => {
          const invoice = await seedInvoice(getContainer(), customer.id, status)
          const before = await portalSnapshot(getContainer())

          const response = await api
            .post(`/admin/invoices/${invoice.id}`, { notes: "Sneaky change", lines: [hoursLine()] }, adminHeaders)
            .catch((e) => e.response)

          expectError(response, 409, status)
          expect(await portalSnapshot(getContainer())).toEqual(before)
        }
      )

      it.each<[string, Record<string, unknown>, string]>([
        ["a client-computed total", { total: 0.01 }, "total"],
        ["a quantity of 0", { lines: [{ ...hoursLine(), quantity: 0 }] }, "quantity"],
        ["a due date before the issue date", { issue_date: "2024-03-01T12:00:00.000Z", due_date: "2024-02-01T12:00:00.000Z" }, "due_date"],
        ["an unknown currency", { currency_code: "xyz" }, "currency_code"],
      ])("refuses an edit with %s and leaves the draft as it was", async (_case, body, field) => {
        const draft = await seedDraftInvoice(getContainer(), customer.id)
        const before = await portalSnapshot(getContainer())

        const response = await api.post(`/admin/invoices/${draft.id}`, body, adminHeaders).catch((e) => e.response)

        expectError(response, 400, field)
        expect(await portalSnapshot(getContainer())).toEqual(before)
      })

      it("refuses to move a draft to an unknown customer, naming the customer id", async () => {
        const draft = await seedDraftInvoice(getContainer(), customer.id)
        const before = await portalSnapshot(getContainer())

        const response = await api
          .post(`/admin/invoices/${draft.id}`, { customer_id: "cus_01DOESNOTEXIST" }, adminHeaders)
          .catch((e) => e.response)

        expectError(response, 400, "cus_01DOESNOTEXIST")
        expect(await portalSnapshot(getContainer())).toEqual(before)
      })

      it("answers 404 for an unknown invoice", async () => {
        const response = await api
          .post("/admin/invoices/inv_01DOESNOTEXIST", { notes: "x" }, adminHeaders)
          .catch((e) => e.response)

        expectError(response, 404)
      })
    })

    describe("DELETE /admin/invoices/:id", () => {
      it("deletes a draft, which is then gone", async () => {
        const draft = await seedDraftInvoice(getContainer(), customer.id)

        const response = await api.delete(`/admin/invoices/${draft.id}`, adminHeaders)

        expect(response.status).toBe(200)
        expect(response.data).toEqual({ id: draft.id, object: "invoice", deleted: true })
        const after = await api.get(`/admin/invoices/${draft.id}`, adminHeaders).catch((e) => e.response)
        expect(after.status).toBe(404)
        expect(await portal().listPortalInvoices({ id: draft.id })).toHaveLength(0)
        expect(await portal().listPortalInvoiceLines({ invoice_id: draft.id })).toHaveLength(0)
        expect((await api.get("/admin/invoices", adminHeaders)).data.count).toBe(0)
      })

      it.each(["sent", "paid", "void"] as const)(
        "refuses to delete a %s invoice and names its state",
        async (status) => {
          const invoice = await seedInvoice(getContainer(), customer.id, status)
          const before = await portalSnapshot(getContainer())

          const response = await api.delete(`/admin/invoices/${invoice.id}`, adminHeaders).catch((e) => e.response)

          expectError(response, 409, status)
          expect(await portalSnapshot(getContainer())).toEqual(before)
          expect((await api.get(`/admin/invoices/${invoice.id}`, adminHeaders)).status).toBe(200)
        }
      )

      it("answers 404 for an unknown invoice", async () => {
        const response = await api.delete("/admin/invoices/inv_01DOESNOTEXIST", adminHeaders).catch((e) => e.response)

        expectError(response, 404)
      })
    })
  },
})
