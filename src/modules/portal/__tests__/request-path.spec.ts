import path from "path"
import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { PORTAL_MODULE } from ".."
import PortalModuleService from "../service"
import * as models from "../models"
import { CustomerListFilter, PortalSqlRepository } from "../repositories/portal-sql"
import { serializePortalEstimateDetail, serializePortalInvoiceDetail } from "../../../lib/serializers"

jest.setTimeout(120_000)

const CUSTOMER = "cus_path_1"

moduleIntegrationTestRunner<PortalModuleService>({
  moduleName: PORTAL_MODULE,
  resolve: path.join(__dirname, ".."),
  moduleModels: Object.values(models),
  pathToMigrations: path.join(__dirname, "..", "migrations"),
  testSuite: ({ service, MikroOrmWrapper }) => {
    const repository = () =>
      (service as unknown as { __container__: { portalSqlRepository: PortalSqlRepository } }).__container__.portalSqlRepository
    const sql = (text: string, bindings: unknown[] = []) => MikroOrmWrapper.forkManager().execute(text, bindings)

    describe("the request check (one statement)", () => {
      const session = async (customerId = CUSTOMER) => {
        const { portal_token: token } = await service.issuePortalToken(customerId, { source: "link" })
        const { session } = await service.startPortalSession({ token_id: token.id, customer_id: customerId, channel: "store", max_seconds: 3600 })
        return session
      }

      beforeEach(async () => {
        await service.updateSettings({ enabled: true, business_name: "Acme" })
      })

      it("answers ok with the settings row it read", async () => {
        const started = await session()
        const check = await service.checkPortalRequest(CUSTOMER, started.id)
        expect(check.outcome).toBe("ok")
        expect(check.settings).toEqual(await service.retrieveSettings())
        expect(Object.keys(check.settings).filter((k) => k.startsWith("_"))).toEqual([])
      })

      it("refuses in the same order as before: portal off, access off, signed out, link revoked", async () => {
        const started = await session()
        await service.revokePortalToken(CUSTOMER, started.token_id)
        expect((await service.checkPortalRequest(CUSTOMER, started.id)).outcome).toBe("link_revoked")
        expect((await service.checkPortalRequest(CUSTOMER, "psess_missing")).outcome).toBe("signed_out")
        expect((await service.checkPortalRequest("cus_other", started.id)).outcome).toBe("access_disabled")
        const other = await session("cus_other")
        // Another customer's session is not this customer's.
        expect((await service.checkPortalRequest(CUSTOMER, other.id)).outcome).toBe("signed_out")
        await service.endPortalSession("cus_other", other.id)
        expect((await service.checkPortalRequest("cus_other", other.id)).outcome).toBe("signed_out")
        await service.setPortalAccessEnabled(CUSTOMER, false)
        expect((await service.checkPortalRequest(CUSTOMER, undefined)).outcome).toBe("access_disabled")
        await service.updateSettings({ enabled: false })
        expect((await service.checkPortalRequest(CUSTOMER, undefined)).outcome).toBe("portal_disabled")
      })

      it("answers account_closed for a customer marked deleted, after every other refusal, and ok once the mark is cleared", async () => {
        const started = await session()
        const deletedAt = new Date("2026-12-01T10:00:00Z")
        expect(await service.setCustomerDeletedMarks([{ customer_id: CUSTOMER, deleted_at: deletedAt }, { customer_id: "cus_no_access", deleted_at: deletedAt }])).toEqual([
          { customer_id: CUSTOMER, deleted_at: null },
        ])
        // Setting it again changes nothing (and gives nothing to undo).
        expect(await service.setCustomerDeletedMarks([{ customer_id: CUSTOMER, deleted_at: new Date() }])).toEqual([])
        expect((await service.checkPortalRequest(CUSTOMER, started.id)).outcome).toBe("account_closed")
        expect((await service.checkPortalRequest(CUSTOMER, undefined)).outcome).toBe("account_closed")
        expect((await service.checkPortalRequest(CUSTOMER, "psess_missing")).outcome).toBe("signed_out")
        await service.revokePortalToken(CUSTOMER, started.token_id)
        expect((await service.checkPortalRequest(CUSTOMER, started.id)).outcome).toBe("link_revoked")
        expect(await service.setCustomerDeletedMarks([{ customer_id: CUSTOMER, deleted_at: null }])).toEqual([{ customer_id: CUSTOMER, deleted_at: deletedAt }])
        expect((await service.checkPortalRequest(CUSTOMER, undefined)).outcome).toBe("ok")
      })

      it("treats an expired session as signed out and needs no session without a session id", async () => {
        const started = await session()
        await service.updatePortalSessions({ id: started.id, expires_at: new Date(Date.now() - 1000) })
        expect((await service.checkPortalRequest(CUSTOMER, started.id)).outcome).toBe("signed_out")
        expect((await service.checkPortalRequest(CUSTOMER, undefined)).outcome).toBe("ok")
      })

      it("creates a missing settings row once (portal off) instead of failing", async () => {
        await sql(`DELETE FROM portal_settings`)
        const check = await service.checkPortalRequest(CUSTOMER, undefined)
        expect(check.outcome).toBe("portal_disabled")
        expect(await sql(`SELECT id FROM portal_settings`)).toHaveLength(1)
      })
    })

    describe("starting a session (one statement)", () => {
      const start = (tokenId: string, maxSeconds = 3600) =>
        service.startPortalSession({ token_id: tokenId, customer_id: CUSTOMER, channel: "pages", max_seconds: maxSeconds })
      const written = async () => ({
        sessions: await service.listPortalSessions({ customer_id: CUSTOMER }),
        opened: await service.listPortalEvents({ customer_id: CUSTOMER, type: "link_opened" }),
        access: (await service.listPortalAccesses({ customer_id: CUSTOMER }))[0],
      })

      it("starts the session, stamps the link and the access, and logs the open", async () => {
        const { portal_token: token } = await service.issuePortalToken(CUSTOMER, { source: "link", ttl_days: 1 })
        const before = Date.now()
        const { session, event_id } = await start(token.id, 600)
        expect(session).toEqual(
          expect.objectContaining({ customer_id: CUSTOMER, token_id: token.id, channel: "pages", ended_at: null })
        )
        // The shorter of max_seconds and the link's own lifetime.
        expect(new Date(session.expires_at).getTime()).toBeGreaterThanOrEqual(before + 600_000)
        expect(new Date(session.expires_at).getTime()).toBeLessThanOrEqual(Date.now() + 600_000)
        const { sessions, opened, access } = await written()
        expect(sessions.map((s) => s.id)).toEqual([session.id])
        expect(opened).toEqual([
          expect.objectContaining({ id: event_id, actor: "customer", data: { link_id: token.id, via: "pages" } }),
        ])
        expect(access.last_opened_at).toBeInstanceOf(Date)
        const [stamped] = await service.listPortalTokens({ id: token.id })
        expect(stamped.last_used_at).toBeInstanceOf(Date)

        const { session: capped } = await start(token.id, 10 * 86_400)
        expect(new Date(capped.expires_at).getTime()).toBe(new Date(token.expires_at).getTime())
      })

      it.each([
        ["a revoked link", (id: string) => sql(`UPDATE portal_token SET revoked_at = now() WHERE id = ?`, [id])],
        ["an expired link", (id: string) => sql(`UPDATE portal_token SET expires_at = now() - interval '1 second' WHERE id = ?`, [id])],
        ["another customer's link", (id: string) => sql(`UPDATE portal_token SET customer_id = 'cus_other' WHERE id = ?`, [id])],
        // Only the access row: disabling through the service would revoke the link as well.
        ["a link whose access is disabled", () => sql(`UPDATE portal_access SET enabled = false WHERE customer_id = ?`, [CUSTOMER])],
      ])("refuses %s and writes nothing", async (_name, spoil) => {
        const { portal_token: token } = await service.issuePortalToken(CUSTOMER, { source: "link" })
        await spoil(token.id)
        const error = await start(token.id).then(
          () => null,
          (e) => e
        )
        expect(error).toEqual(expect.objectContaining({ type: "unauthorized", message: expect.stringMatching(/no longer works/) }))
        const { sessions, opened, access } = await written()
        expect({ sessions, opened, last_opened_at: access.last_opened_at }).toEqual({ sessions: [], opened: [], last_opened_at: null })
        const [untouched] = await service.listPortalTokens({ id: token.id }, { withDeleted: true })
        expect(untouched.last_used_at).toBeNull()
      })

      it("ends a live session once, and never another customer's", async () => {
        const { portal_token: token } = await service.issuePortalToken(CUSTOMER, { source: "link" })
        const { session } = await start(token.id)
        expect(await service.endPortalSession("cus_other", session.id)).toEqual({ ended: false })
        expect(await service.endPortalSession(CUSTOMER, session.id)).toEqual({ ended: true })
        expect(await service.endPortalSession(CUSTOMER, session.id)).toEqual({ ended: false })
        const [ended] = await service.listPortalSessions({ id: session.id })
        expect(ended.ended_at).toBeInstanceOf(Date)
      })
    })

    describe("customer lists (page and count in one statement)", () => {
      const insertInvoices = (customerId: string, n: number, status = "sent") =>
        sql(
          `INSERT INTO portal_invoice (id, display_number, customer_id, status, currency_code, issue_date, due_date, total, raw_total)
           SELECT ? || g, ? || g, ?, ?, 'usd', timestamp '2026-01-01' + (g || ' hours')::interval,
                  CASE WHEN g % 2 = 0 THEN now() - interval '1 day' ELSE NULL END, 12.5, '{"value":"12.5","precision":20}'
           FROM generate_series(1, ?) AS g`,
          [`inv_${customerId}_${status}_`, `N-${customerId}-${status}-`, customerId, status, n]
        )

      it("returns a page newest first, numbers as numbers, and the count of all matches", async () => {
        await insertInvoices(CUSTOMER, 25)
        await insertInvoices(CUSTOMER, 3, "draft")
        await insertInvoices("cus_other", 5)
        const [page, count] = await service.listCustomerInvoices(CUSTOMER, { limit: 10, offset: 5 })
        expect(count).toBe(25)
        expect(page).toHaveLength(10)
        expect(page[0]).toEqual(expect.objectContaining({ id: `inv_${CUSTOMER}_sent_20`, total: 12.5, customer_id: CUSTOMER }))
        expect(page[0].issue_date).toBeInstanceOf(Date)
        expect(page.map((i) => i.id)).toEqual(Array.from({ length: 10 }, (_, i) => `inv_${CUSTOMER}_sent_${20 - i}`))
        expect(Object.keys(page[0])).not.toContain("_count")
      })

      it("keeps the count on a page past the end, and filters overdue and unpaid by the one rule", async () => {
        await insertInvoices(CUSTOMER, 7)
        expect(await service.listCustomerInvoices(CUSTOMER, { limit: 5, offset: 50 })).toEqual([[], 7])
        // Even numbers are due yesterday (overdue), odd ones have no due date (unpaid).
        expect((await service.listCustomerInvoices(CUSTOMER, { status: "overdue" }))[1]).toBe(3)
        expect((await service.listCustomerInvoices(CUSTOMER, { status: "unpaid" }))[1]).toBe(4)
        expect((await service.listCustomerInvoices(CUSTOMER, { status: "paid" }))[1]).toBe(0)
        expect(await service.listCustomerInvoices("cus_nobody", {})).toEqual([[], 0])
      })

      it("lists estimates the same way", async () => {
        await sql(
          `INSERT INTO portal_estimate (id, display_number, customer_id, status, currency_code, issue_date)
           SELECT 'est_p_' || g, 'E-' || g, ?, (ARRAY['draft','sent','accepted'])[1 + g % 3], 'usd', timestamp '2026-01-01' + (g || ' hours')::interval
           FROM generate_series(1, 9) AS g`,
          [CUSTOMER]
        )
        const [page, count] = await service.listCustomerEstimates(CUSTOMER, { limit: 2 })
        expect(count).toBe(6)
        expect(page.map((e) => e.id)).toEqual(["est_p_8", "est_p_7"])
        expect((await service.listCustomerEstimates(CUSTOMER, { status: "pending" }))[1]).toBe(3)
      })

      describe("a 5 000-invoice customer among 100 000 rows", () => {
        beforeEach(async () => {
          await sql(
            `INSERT INTO portal_invoice (id, customer_id, status, currency_code, issue_date)
             SELECT 'inv_bulk_' || g, 'cus_' || (g % 500), (ARRAY['draft','sent','paid','void'])[1 + g % 4], 'usd',
                    timestamp '2026-01-01' + ((g * 7919 % 300000) || ' minutes')::interval
             FROM generate_series(1, 100000) AS g`
          )
          // Spread over the same 5 000 hours as the big customer's: no index on date alone can serve them.
          await insertInvoices("cus_big", 5000)
          // What autovacuum does after a load: statistics and the visibility map (index-only scans).
          await sql(`VACUUM ANALYZE portal_invoice`)
        })

        /** The repository's own statement, explained: `read` gets a manager that runs EXPLAIN (or `how`) in front of it. */
        const explain = async (read: (context: never) => Promise<unknown>, how = "EXPLAIN") => {
          let plan = ""
          const manager = MikroOrmWrapper.forkManager()
          const explaining = {
            execute: async (text: string, bindings: unknown[]) => {
              const rows = (await manager.execute(`${how} ${text}`, bindings)) as Record<string, string>[]
              plan = rows.map((r) => r["QUERY PLAN"]).join("\n")
              return []
            },
          }
          await read({ manager: explaining } as never)
          return plan
        }
        const explainPage = (filter: { statuses: string[]; due_before?: Date }, page: { limit: number; offset: number }, how?: string) =>
          explain((context) => repository().customerInvoicePage("cus_big", filter, page, context), how)
        const sorts = (plan: string) => plan.split("\n").filter((line) => /Sort\s+\(/.test(line))

        it("reads the first page through indexes", async () => {
          const plan = await explainPage({ statuses: ["sent", "paid"] }, { limit: 20, offset: 0 })
          expect(plan).toMatch(/Index (Only )?Scan Backward using "?IDX_invoice_customer_issue_date_id_status_due/)
          expect(plan).toMatch(/(Index (Only )?Scan using|Bitmap Index Scan on) "?IDX_invoice_customer_status_issue_date/)
          expect(plan).not.toMatch(/Seq Scan/)
          // The one sort is the outer one, over the page's rows only (after the Limit).
          expect(sorts(plan)).toHaveLength(1)
          expect(plan).toMatch(/^\s*Sort\s+\(cost=[\d.]+\.\.[\d.]+ rows=20 /)
          const [rows, count] = await service.listCustomerInvoices("cus_big", { limit: 20 })
          expect([rows.length, count]).toEqual([20, 5000])
        })

        it.each([
          ["every visible invoice", { statuses: ["sent", "paid"] }],
          ["overdue ones (a due-date filter)", { statuses: ["sent"], due_before: new Date() }],
        ])("skips a deep page's offset over index entries, never sorting or fetching the customer's rows: %s", async (_name, filter) => {
          const plan = await explainPage(filter, { limit: 20, offset: 2480 })
          // The page's ids: a backward index-only scan whose filter is checked in the index…
          expect(plan).toMatch(/Index Only Scan Backward using "?IDX_invoice_customer_issue_date_id_status_due/)
          // …then 20 rows by primary key; no bitmap over all of the customer's rows and no sort of them.
          expect(plan).toMatch(/Index Scan using "?portal_invoice_pkey/)
          expect(plan).not.toMatch(/Seq Scan|Bitmap Heap Scan/)
          // The one sort is the outer one, over at most the page's rows (the planner's estimate).
          expect(sorts(plan)).toHaveLength(1)
          expect(Number(plan.match(/^\s*Sort\s+\(cost=[\d.]+\.\.[\d.]+ rows=(\d+) /)?.[1])).toBeLessThanOrEqual(20)
        })

        it.each([
          ["a page past the middle, forwards from the oldest", 4980, /Index Only Scan using "?IDX_invoice_customer_issue_date_id_status_due/, /Index Only Scan Backward using/],
          ["a page before the middle, backwards from the newest", 20, /Index Only Scan Backward using "?IDX_invoice_customer_issue_date_id_status_due/, /Index Only Scan using "?IDX_invoice_customer_issue_date_id_status_due/],
        ])("reads %s: the scan stops after the page's 20 entries, the other end's never runs", async (_name, offset, reading, idle) => {
          const plan = await explainPage({ statuses: ["sent", "paid"] }, { limit: 20, offset }, "EXPLAIN (ANALYZE, TIMING OFF)")
          const line = (pattern: RegExp) => plan.split("\n").find((l) => pattern.test(l)) ?? ""
          // Skipping 20 entries and reading 20: 40 at most (the count is a separate scan of its own index).
          expect(Number(line(reading).match(/actual rows=(\d+)/)?.[1])).toBeLessThanOrEqual(40)
          expect(line(idle)).toMatch(/never executed/)
        })

        it("gives every page what ORDER BY … OFFSET over the rows gives, from either end", async () => {
          const filters: [string, CustomerListFilter, string][] = [
            ["every visible invoice", { statuses: ["sent", "paid"] }, "status IN ('sent', 'paid')"],
            ["overdue ones", { statuses: ["sent"], due_before: new Date() }, "status = 'sent' AND due_date < now()"],
          ]
          for (const [name, filter, condition] of filters) {
            const [{ n }] = (await sql(
              `SELECT count(*)::int AS n FROM portal_invoice WHERE customer_id = 'cus_big' AND deleted_at IS NULL AND ${condition}`
            )) as { n: number }[]
            for (const [limit, offset] of [[20, 0], [20, 1], [20, n / 2 - 11], [20, n / 2 - 10], [20, n / 2 - 9], [7, n - 20], [20, n - 7], [20, n - 1], [20, n], [20, n + 5], [1, n - 1], [0, 40]]) {
              const expected = (await sql(
                `SELECT id FROM portal_invoice WHERE customer_id = 'cus_big' AND deleted_at IS NULL AND ${condition}
                 ORDER BY issue_date DESC, id DESC LIMIT ${limit} OFFSET ${offset}`
              )) as { id: string }[]
              const page = await repository().customerInvoicePage("cus_big", filter, { limit, offset })
              expect({ name, limit, offset, count: page.count, ids: page.rows.map((r) => r.id) }).toEqual({
                name,
                limit,
                offset,
                count: n,
                ids: expected.map((r) => r.id),
              })
            }
          }
        })

        it("sums the home's open balance from the open-balance index alone, never from the table", async () => {
          const plan = await explain((context) => repository().customerSummary("cus_big", new Date(), context))
          expect(plan).toMatch(/Index Only Scan using "?IDX_invoice_customer_open_balance/)
          expect(plan).not.toMatch(/Bitmap Heap Scan on portal_invoice|Seq Scan on portal_invoice/)
        })

        it("returns the same deep page as paging through the rows", async () => {
          const [page, count] = await service.listCustomerInvoices("cus_big", { limit: 20, offset: 4990 })
          expect(count).toBe(5000)
          // Issue dates rise with g: the oldest ten are 10 … 1.
          expect(page.map((i) => i.id)).toEqual(Array.from({ length: 10 }, (_, i) => `inv_cus_big_sent_${10 - i}`))
          const [overdue, overdueCount] = await service.listCustomerInvoices("cus_big", { status: "overdue", limit: 3, offset: 2497 })
          expect(overdueCount).toBe(2500)
          expect(overdue.map((i) => i.id)).toEqual(["inv_cus_big_sent_6", "inv_cus_big_sent_4", "inv_cus_big_sent_2"])
        })
      })
    })

    describe("a customer's invoice detail (one statement)", () => {
      const invoiceWithPayments = async () => {
        const draft = await service.createDraftInvoice({
          customer_id: CUSTOMER,
          currency_code: "usd",
          notes: "Thanks",
          lines: [
            { title: "Gutter cleaning", description: "Front and back", quantity: 3, unit_price: 19.99, tax_rate: 20 },
            { title: "Ladder hire", quantity: 1.5, unit_price: "10.005" },
            { title: "Call-out", quantity: 1, unit_price: 0 },
          ],
        } as never)
        await service.sendInvoice(draft.id)
        await service.recordInvoicePayment(draft.id, { amount: 20.01, method: "cash" })
        await service.recordInvoicePayment(draft.id, { amount: "5.5", method: "check" })
        return draft.id
      }
      const views = (id: string) => service.listPortalEvents({ type: "invoice_viewed", subject_id: id })

      it("reads what the joined ORM read does, to the byte once serialized", async () => {
        const id = await invoiceWithPayments()
        const viaOrm = serializePortalInvoiceDetail(await service.retrieveCustomerInvoice(CUSTOMER, id))
        const viaSql = serializePortalInvoiceDetail(await service.retrieveCustomerInvoiceDetail(CUSTOMER, id))
        expect(viaOrm.lines).toHaveLength(3)
        expect(viaOrm.payments).toHaveLength(2)
        expect(viaSql.payments[0].paid_at).toBeInstanceOf(Date)
        expect(JSON.stringify(viaSql)).toBe(JSON.stringify(viaOrm))
        expect(await views(id)).toEqual([])
      })

      it("logs the view in the same statement, and only when the invoice is the customer's and visible", async () => {
        const id = await invoiceWithPayments()
        const view = (customerId: string) =>
          ({ type: "invoice_viewed", customer_id: customerId, actor: "customer", subject_type: "invoice", subject_id: id, data: { via: "store" } }) as never
        await service.retrieveCustomerInvoiceDetail(CUSTOMER, id, { view: view(CUSTOMER) })
        expect(await views(id)).toEqual([
          expect.objectContaining({ customer_id: CUSTOMER, actor: "customer", subject_type: "invoice", data: { via: "store" } }),
        ])
        await expect(service.retrieveCustomerInvoiceDetail("cus_other", id, { view: view("cus_other") })).rejects.toThrow(
          `Invoice with id "${id}" was not found`
        )
        await service.voidInvoice(id).catch(() => sql(`UPDATE portal_invoice SET status = 'void' WHERE id = ?`, [id]))
        await expect(service.retrieveCustomerInvoiceDetail(CUSTOMER, id, { view: view(CUSTOMER) })).rejects.toThrow(/was not found/)
        expect(await views(id)).toHaveLength(1)
        await expect(
          service.retrieveCustomerInvoiceDetail(CUSTOMER, id, { view: { ...(view(CUSTOMER) as object), type: "made_up" } as never })
        ).rejects.toThrow(/Unknown portal event type/)
      })
    })

    describe("a customer's estimate detail (one statement)", () => {
      it("reads what the joined ORM read does, and logs a view only when asked", async () => {
        const draft = await service.createDraftEstimate({
          customer_id: CUSTOMER,
          currency_code: "eur",
          lines: [
            { title: "Survey", quantity: 2, unit_price: 45.5, tax_rate: 10 },
            { title: "Report", description: "PDF", quantity: 1, unit_price: "120.125" },
          ],
        } as never)
        await service.sendEstimate(draft.id)
        const viaOrm = serializePortalEstimateDetail(await service.retrieveCustomerEstimate(CUSTOMER, draft.id))
        const view = { type: "estimate_viewed", customer_id: CUSTOMER, actor: "customer", subject_type: "estimate", subject_id: draft.id }
        const viaSql = serializePortalEstimateDetail(await service.retrieveCustomerEstimateDetail(CUSTOMER, draft.id, { view: view as never }))
        expect(viaOrm.lines).toHaveLength(2)
        expect(JSON.stringify(viaSql)).toBe(JSON.stringify(viaOrm))
        expect(await service.listPortalEvents({ type: "estimate_viewed", subject_id: draft.id })).toEqual([
          expect.objectContaining({ customer_id: CUSTOMER, actor: "customer", data: null }),
        ])
        await expect(service.retrieveCustomerEstimateDetail("cus_other", draft.id)).rejects.toThrow(
          `Estimate with id "${draft.id}" was not found`
        )
      })
    })

    describe("activity log", () => {
      it("appends an event in one INSERT and returns it", async () => {
        const event = await service.logEvent({
          type: "invoice_viewed",
          customer_id: CUSTOMER,
          actor: "customer",
          subject_type: "invoice",
          subject_id: "inv_1",
          data: { via: "store" },
        } as never)
        expect(event).toEqual(expect.objectContaining({ id: expect.stringMatching(/^pevt_/), type: "invoice_viewed", data: { via: "store" } }))
        const [stored] = await service.listPortalEvents({ id: event.id })
        expect(stored).toEqual(expect.objectContaining({ customer_id: CUSTOMER, actor: "customer", subject_id: "inv_1", data: { via: "store" } }))
        await expect(service.logEvent({ type: "made_up" } as never)).rejects.toThrow(/Unknown portal event type/)
      })
    })
  },
})
