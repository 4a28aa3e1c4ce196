import path from "path"
import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import { PORTAL_MODULE } from ".."
import PortalModuleService from "../service"
import { PortalSqlRepository } from "../repositories/portal-sql"
import { deriveInvoiceStatus, invoiceDisplayStatusFilter } from "../../../lib/status"
import * as models from "../models"

jest.setTimeout(60_000)

const CUSTOMER = "cus_sql_1"
const NOW = new Date("2026-06-15T12:00:00Z")

moduleIntegrationTestRunner<PortalModuleService>({
  moduleName: PORTAL_MODULE,
  resolve: path.join(__dirname, ".."),
  moduleModels: Object.values(models),
  pathToMigrations: path.join(__dirname, "..", "migrations"),
  testSuite: ({ service, MikroOrmWrapper }) => {
    // The module's own instance, as the service's actions use it.
    const repository = () => (service as unknown as { __container__: { portalSqlRepository: PortalSqlRepository } }).__container__.portalSqlRepository
    const inTransaction = <T>(work: (transactionManager: SqlEntityManager) => Promise<T>) =>
      (MikroOrmWrapper.forkManager() as SqlEntityManager).transactional((tx) => work(tx as SqlEntityManager))
    const sentInvoice = async (data: Record<string, unknown>) => {
      const invoice = await service.createDraftInvoice({
        customer_id: CUSTOMER,
        currency_code: "usd",
        issue_date: "2026-01-01T00:00:00Z",
        lines: [{ title: "Service", quantity: 1, unit_price: 10 }],
      })
      await service.updatePortalInvoices({ id: invoice.id, status: "sent", ...data })
      return invoice.id
    }

    it("is registered in the module's container from repositories/", () => {
      expect(repository()).toBeInstanceOf(PortalSqlRepository)
    })

    describe("row locks", () => {
      it("finds a live invoice and refuses a missing or deleted one", async () => {
        const id = await sentInvoice({})
        expect(await inTransaction((tx) => repository().lockInvoice(id, { transactionManager: tx }))).toBe(true)
        expect(await inTransaction((tx) => repository().lockInvoice("inv_missing", { transactionManager: tx }))).toBe(false)
        await service.softDeletePortalInvoices(id)
        expect(await inTransaction((tx) => repository().lockInvoice(id, { transactionManager: tx }))).toBe(false)
      })

      it("holds the invoice row until the locking transaction ends", async () => {
        const id = await sentInvoice({})
        let release!: () => void
        const held = new Promise<void>((resolve) => (release = resolve))
        let locked!: () => void
        const isLocked = new Promise<void>((resolve) => (locked = resolve))
        const first = inTransaction(async (tx) => {
          await repository().lockInvoice(id, { transactionManager: tx })
          locked()
          await held
        })
        await isLocked
        const second = inTransaction(async (tx) => {
          await tx.execute(`SET LOCAL lock_timeout = '200ms'`)
          return repository().lockInvoice(id, { transactionManager: tx })
        })
        await expect(second).rejects.toThrow(/lock timeout/)
        release()
        await first
        expect(await inTransaction((tx) => repository().lockInvoice(id, { transactionManager: tx }))).toBe(true)
      })

      it("locks estimates the same way", async () => {
        const estimate = await service.createDraftEstimate({ customer_id: CUSTOMER, currency_code: "usd", lines: [] })
        expect(await inTransaction((tx) => repository().lockEstimate(estimate.id, { transactionManager: tx }))).toBe(true)
        expect(await inTransaction((tx) => repository().lockEstimate("est_missing", { transactionManager: tx }))).toBe(false)
      })
    })

    describe("sequences", () => {
      it("counts from 1 per name and gives a rolled-back value back", async () => {
        const next = (name: string) => inTransaction((tx) => repository().nextSequenceValue(name, { transactionManager: tx }))
        expect(await next("invoice")).toBe(1)
        expect(await next("invoice")).toBe(2)
        expect(await next("estimate")).toBe(1)
        await expect(
          inTransaction(async (tx) => {
            await repository().nextSequenceValue("invoice", { transactionManager: tx })
            throw new Error("rolled back")
          })
        ).rejects.toThrow("rolled back")
        expect(await next("invoice")).toBe(3)
      })

      it("never gives two concurrent transactions the same value", async () => {
        const values = await Promise.all(
          Array.from({ length: 12 }, () => inTransaction((tx) => repository().nextSequenceValue("invoice", { transactionManager: tx })))
        )
        expect([...values].sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1))
      })
    })

    describe("access rows and links", () => {
      it("creates one access row per customer however often it is locked", async () => {
        await inTransaction((tx) => repository().lockAccess(CUSTOMER, { transactionManager: tx }))
        await Promise.all(Array.from({ length: 5 }, () => inTransaction((tx) => repository().lockAccess(CUSTOMER, { transactionManager: tx }))))
        const rows = await service.listPortalAccesses({ customer_id: CUSTOMER })
        expect(rows).toHaveLength(1)
        expect(rows[0].enabled).toBe(true)
      })

      it("revokes only the customer's live links", async () => {
        const expires_at = new Date(Date.now() + 86_400_000)
        const revokedBefore = new Date("2026-01-01T00:00:00Z")
        const [live, old, other] = await service.createPortalTokens([
          { customer_id: CUSTOMER, token_hash: "h1", source: "email", expires_at },
          { customer_id: CUSTOMER, token_hash: "h2", source: "email", expires_at, revoked_at: revokedBefore },
          { customer_id: "cus_other", token_hash: "h3", source: "email", expires_at },
        ])
        const at = new Date("2026-06-01T00:00:00Z")
        await inTransaction((tx) => repository().revokeLiveTokens(CUSTOMER, at, { transactionManager: tx }))
        const byId = Object.fromEntries((await service.listPortalTokens({})).map((t) => [t.id, t.revoked_at]))
        expect(byId[live.id]).toEqual(at)
        expect(byId[old.id]).toEqual(revokedBefore)
        expect(byId[other.id]).toBeNull()
      })
    })

    describe("customer summary", () => {
      it("sums open amounts exactly, per currency, over sent invoices only", async () => {
        await sentInvoice({ total: 0.1, amount_paid: 0 })
        await sentInvoice({ total: 0.2, amount_paid: 0 })
        await sentInvoice({ total: 100, amount_paid: 40 })
        await sentInvoice({ total: 50, status: "paid" })
        const { balances } = await repository().customerSummary(CUSTOMER, NOW, {})
        expect(balances).toEqual([
          { currency_code: "usd", open_amount: "60.3", overdue: "0", invoice_count: "3", invoice_id: expect.any(String) },
        ])
      })

      it("counts overdue by the same rule as the status filter and the derived status", async () => {
        const day = 86_400_000
        const dues = [null, new Date(NOW.getTime() - day), new Date(NOW.getTime() - 1), NOW, new Date(NOW.getTime() + day)]
        for (const due_date of dues) {
          await sentInvoice({ due_date })
        }
        await sentInvoice({ due_date: new Date(NOW.getTime() - day), status: "paid" })
        await sentInvoice({ due_date: new Date(NOW.getTime() - day), status: "void" })

        const {
          balances: [balance],
        } = await repository().customerSummary(CUSTOMER, NOW, {})
        const [, byFilter] = await service.listAndCountPortalInvoices({ customer_id: CUSTOMER, ...invoiceDisplayStatusFilter("overdue", NOW) })
        const derived = (await service.listPortalInvoices({ customer_id: CUSTOMER })).filter((i) => deriveInvoiceStatus(i, NOW) === "overdue")

        expect(Number(balance.overdue)).toBe(2)
        expect(byFilter).toBe(2)
        expect(derived).toHaveLength(2)
      })

      it("counts the estimates awaiting a decision", async () => {
        for (const status of ["draft", "sent", "sent", "accepted"] as const) {
          const estimate = await service.createDraftEstimate({ customer_id: CUSTOMER, currency_code: "usd", lines: [] })
          await service.updatePortalEstimates({ id: estimate.id, status })
        }
        // With no open invoice: the count stands alone.
        expect(await repository().customerSummary(CUSTOMER, NOW, {})).toEqual({ balances: [], pending_estimates: 2 })
        expect((await repository().customerSummary("cus_other", NOW, {})).pending_estimates).toBe(0)
      })

      it("reads balances in several currencies and the pending estimates in one statement", async () => {
        await sentInvoice({ total: 10, amount_paid: 2.5 })
        await sentInvoice({ total: 7, currency_code: "eur", due_date: new Date(NOW.getTime() - 1) })
        const estimate = await service.createDraftEstimate({ customer_id: CUSTOMER, currency_code: "usd", lines: [] })
        await service.updatePortalEstimates({ id: estimate.id, status: "sent" })
        expect(await repository().customerSummary(CUSTOMER, NOW, {})).toEqual({
          balances: [
            { currency_code: "eur", open_amount: "7", overdue: "1", invoice_count: "1", invoice_id: expect.any(String) },
            { currency_code: "usd", open_amount: "7.5", overdue: "0", invoice_count: "1", invoice_id: expect.any(String) },
          ],
          pending_estimates: 1,
        })
      })
    })
  },
})
