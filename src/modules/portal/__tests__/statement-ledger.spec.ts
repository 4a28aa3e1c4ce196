import path from "path"
import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { PORTAL_MODULE } from ".."
import PortalModuleService from "../service"
import * as models from "../models"
import { computeStatement, dayEnd } from "../../../lib/statement"

jest.setTimeout(180_000)

/** A customer with 5 000 invoices (the brief's size), each paid once, among 20 000 other invoices. */
const MINE = 5_000
const OTHERS = 20_000

moduleIntegrationTestRunner<PortalModuleService>({
  moduleName: PORTAL_MODULE,
  resolve: path.join(__dirname, ".."),
  moduleModels: Object.values(models),
  pathToMigrations: path.join(__dirname, "..", "migrations"),
  testSuite: ({ service, MikroOrmWrapper }) => {
    describe("the statement ledger of a customer with 5 000 invoices", () => {
      beforeEach(async () => {
        const em = MikroOrmWrapper.forkManager()
        // Bulk rows straight in SQL: the point is the plan and the time, not the insert path.
        await em.execute(
          `INSERT INTO portal_invoice (id, display_number, customer_id, status, currency_code, issue_date, due_date, total)
           SELECT 'inv_s_' || g, 'INV-' || lpad(g::text, 6, '0'),
                  CASE WHEN g <= ${MINE} THEN 'cus_big' ELSE 'cus_' || (g % 400) END,
                  (ARRAY['sent','paid','void','draft'])[1 + g % 4], 'usd',
                  timestamptz '2026-01-01' - (g || ' hours')::interval, timestamptz '2026-01-01' + ((g % 60) || ' days')::interval, 10
           FROM generate_series(1, ${MINE + OTHERS}) AS g`
        )
        await em.execute(
          `INSERT INTO portal_invoice_payment (id, invoice_id, amount, raw_amount, method, paid_at)
           SELECT 'invpay_s_' || g, 'inv_s_' || g, 4, '{"value":"4","precision":20}', 'cash', timestamptz '2026-01-02' - (g || ' hours')::interval
           FROM generate_series(1, ${MINE + OTHERS}) AS g`
        )
        await em.execute(`ANALYZE portal_invoice`)
        await em.execute(`ANALYZE portal_invoice_payment`)
      })

      it("reads through the customer's indexes, never a scan of every invoice or payment", async () => {
        const sql = (service as any).deps_.sql
        const manager = sql.manager()
        const plans: string[] = []
        // The repository's own statement, explained: its text is not restated here.
        jest.spyOn(sql, "manager").mockReturnValue({
          execute: async (query: string, bindings: unknown[]) => {
            const rows = await manager.execute(`EXPLAIN ${query}`, bindings)
            plans.push(rows.map((r: Record<string, string>) => r["QUERY PLAN"]).join("\n"))
            return []
          },
        })
        await service.retrieveCustomerLedger("cus_big", dayEnd("2026-03-31"))
        jest.restoreAllMocks()
        expect(plans).toHaveLength(1)
        expect(plans[0]).toMatch(/IDX_invoice_customer_status_issue_date|IDX_invoice_customer_issue_date_id_status_due/)
        expect(plans[0]).toMatch(/IDX_portal_invoice_payment_invoice_id/)
        expect(plans[0]).not.toMatch(/Seq Scan on portal_invoice\b/)
        expect(plans[0]).not.toMatch(/Seq Scan on portal_invoice_payment/)
      })

      it("computes the statement of all of it in seconds at most", async () => {
        const started = performance.now()
        const ledger = await service.retrieveCustomerLedger("cus_big", dayEnd("2026-03-31"))
        const read = performance.now() - started
        const statement = computeStatement(ledger, { from: "2025-10-01", to: "2026-03-31" })
        const total = performance.now() - started
        console.log(`statement ledger: ${ledger.invoices.length} invoices + ${ledger.payments.length} payments read in ${read.toFixed(0)} ms, statement in ${total.toFixed(0)} ms`)
        // Sent and paid only: half of the customer's 5 000 (void and draft never come back).
        expect(ledger.invoices).toHaveLength(MINE / 2)
        expect(ledger.payments).toHaveLength(MINE / 2)
        const usd = statement.sections[0]
        // 2 500 invoices of 10, 2 500 payments of 4: 15 000 open in all, split between opening and period.
        expect(usd.closing_balance.numeric).toBe(15_000)
        expect(usd.ageing.total.numeric).toBe(15_000)
        // Generous: the machine is shared; this catches a quadratic turn, not a slow minute.
        expect(total).toBeLessThan(5_000)
      })
    })
  },
})
