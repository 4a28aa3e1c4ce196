import path from "path"
import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { PORTAL_MODULE } from ".."
import PortalModuleService from "../service"
import * as models from "../models"

jest.setTimeout(120_000)

const INVOICES = 10_000
const CUSTOMERS = 200

moduleIntegrationTestRunner<PortalModuleService>({
  moduleName: PORTAL_MODULE,
  resolve: path.join(__dirname, ".."),
  moduleModels: Object.values(models),
  pathToMigrations: path.join(__dirname, "..", "migrations"),
  testSuite: ({ service, MikroOrmWrapper }) => {
    describe("listing 10 000 invoices", () => {
      beforeEach(async () => {
        // Bulk rows straight in SQL: the point is the query plan, not the insert path.
        await MikroOrmWrapper.forkManager().execute(
          `INSERT INTO portal_invoice (id, display_number, customer_id, status, currency_code, issue_date, due_date)
           SELECT 'inv_bulk_' || g, 'INV-' || lpad(g::text, 5, '0'), 'cus_' || (g % ${CUSTOMERS}),
                  (ARRAY['draft','sent','paid','void'])[1 + g % 4], 'usd',
                  now() - (g || ' hours')::interval, now() + ((g % 60 - 30) || ' days')::interval
           FROM generate_series(1, ${INVOICES}) AS g`
        )
        await MikroOrmWrapper.forkManager().execute(`ANALYZE portal_invoice`)
      })

      it("pages one customer's invoices by status and date through the composite index", async () => {
        const plan = await MikroOrmWrapper.forkManager().execute(
          `EXPLAIN SELECT * FROM portal_invoice
           WHERE customer_id = 'cus_5' AND status = 'sent' AND deleted_at IS NULL
           ORDER BY issue_date DESC LIMIT 20`
        )
        const text = plan.map((row: Record<string, string>) => row["QUERY PLAN"]).join("\n")
        expect(text).toMatch(/Index Scan.*IDX_invoice_customer_status_issue_date/)
        expect(text).not.toMatch(/Seq Scan/)
      })

      it("returns a page and the full count through the service", async () => {
        const [page, count] = await service.listAndCountPortalInvoices(
          { customer_id: "cus_5", status: "sent" },
          { take: 20, skip: 0, order: { issue_date: "DESC" } }
        )
        // Customer 5 gets rows 5, 205, 405, …: 50 invoices, all "sent" (1 + 5 % 4 → 'sent').
        expect(count).toBe(INVOICES / CUSTOMERS)
        expect(page).toHaveLength(20)
        const dates = page.map((i) => new Date(i.issue_date).getTime())
        expect(dates).toEqual([...dates].sort((a, b) => b - a))
        expect(page.every((i) => i.customer_id === "cus_5" && i.status === "sent")).toBe(true)
      })
    })
  },
})
