import type { Context } from "@medusajs/framework/types"
import { generateEntityId, MikroOrmBase } from "@medusajs/framework/utils"
import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import { EstimateStatus, InvoiceStatus } from "../constants"
import { INVOICE_OVERDUE_SQL, invoiceOverdueSql } from "../../../lib/status"

export type CustomerInvoiceBalance = { currency_code: string; open_amount: string; overdue: string }

/**
 * Every raw SQL statement of the Portal module: row locks, the number sequences, the per-access
 * upsert and the customer summary aggregate. Each statement is a literal with bound parameters
 * (no table name or value is spliced into SQL text). Statements run on the caller's transaction
 * when there is one, so a lock lasts until that transaction ends.
 */
export class PortalSqlRepository extends MikroOrmBase {
  protected manager(context: Context = {}) {
    return this.getActiveManager<SqlEntityManager>(context)
  }

  /** Creates the single settings row with its defaults; a no-op when it exists. */
  async insertSettingsIfMissing(id: string, context: Context = {}) {
    await this.manager(context).execute(`INSERT INTO portal_settings (id) VALUES (?) ON CONFLICT (id) DO NOTHING`, [id])
  }

  /** `SELECT … FOR UPDATE` on one live invoice; false when there is none. */
  async lockInvoice(id: string, context: Context) {
    const rows = await this.manager(context).execute(
      `SELECT id FROM portal_invoice WHERE id = ? AND deleted_at IS NULL FOR UPDATE`,
      [id]
    )
    return rows.length > 0
  }

  async lockEstimate(id: string, context: Context) {
    const rows = await this.manager(context).execute(
      `SELECT id FROM portal_estimate WHERE id = ? AND deleted_at IS NULL FOR UPDATE`,
      [id]
    )
    return rows.length > 0
  }

  /**
   * Increments and returns a named counter (created at 1) in one statement: the row stays locked
   * until the caller's transaction ends, so concurrent callers wait and never share a value, and
   * a rolled-back caller gives its value back.
   */
  async nextSequenceValue(name: string, context: Context): Promise<number> {
    const [row] = await this.manager(context).execute(
      `INSERT INTO portal_sequence (id, name, value) VALUES (?, ?, 1)
       ON CONFLICT (name) WHERE deleted_at IS NULL DO UPDATE SET value = portal_sequence.value + 1, updated_at = now()
       RETURNING value`,
      [generateEntityId(undefined, "pseq"), name]
    )
    return Number(row.value)
  }

  /**
   * Creates the customer's access row when missing (enabled, never sent), then locks it until
   * the transaction ends: issuing a link and disabling access are serialised by this lock.
   */
  async lockAccess(customerId: string, context: Context) {
    const manager = this.manager(context)
    await manager.execute(
      `INSERT INTO portal_access (id, customer_id) VALUES (?, ?)
       ON CONFLICT (customer_id) WHERE deleted_at IS NULL DO NOTHING`,
      [generateEntityId(undefined, "pacc"), customerId]
    )
    await manager.execute(`SELECT id FROM portal_access WHERE customer_id = ? AND deleted_at IS NULL FOR UPDATE`, [
      customerId,
    ])
  }

  /** Revokes every live link of a customer at once. */
  async revokeLiveTokens(customerId: string, at: Date, context: Context) {
    await this.manager(context).execute(
      `UPDATE portal_token SET revoked_at = ?, updated_at = ? WHERE customer_id = ? AND revoked_at IS NULL AND deleted_at IS NULL`,
      [at, at, customerId]
    )
  }

  /**
   * Open balance and overdue count per currency of a customer's sent invoices, summed in
   * PostgreSQL numeric (exact). "Overdue" is `invoiceOverdueSql`, the SQL form of the one rule in
   * lib/status.ts, evaluated at the caller's `now` (the app's clock, as the list filter uses).
   */
  async customerInvoiceBalances(customerId: string, now: Date, context: Context): Promise<CustomerInvoiceBalance[]> {
    const overdue = invoiceOverdueSql(now)
    // The one interpolation is INVOICE_OVERDUE_SQL, a constant of lib/status.ts; values are bound.
    return this.manager(context).execute(
      `SELECT currency_code, SUM(total - amount_paid)::text AS open_amount,
              COUNT(*) FILTER (WHERE ${INVOICE_OVERDUE_SQL})::text AS overdue
       FROM portal_invoice WHERE customer_id = ? AND status = ? AND deleted_at IS NULL
       GROUP BY currency_code ORDER BY currency_code`,
      [...overdue.bindings, customerId, InvoiceStatus.SENT]
    )
  }

  /** How many sent estimates await the customer's decision. */
  async countPendingEstimates(customerId: string, context: Context): Promise<number> {
    const [row] = await this.manager(context).execute(
      `SELECT COUNT(*)::int AS n FROM portal_estimate WHERE customer_id = ? AND status = ? AND deleted_at IS NULL`,
      [customerId, EstimateStatus.SENT]
    )
    return Number(row.n)
  }
}

export default PortalSqlRepository
