import type { Context } from "@medusajs/framework/types"
import { generateEntityId, MikroOrmBase } from "@medusajs/framework/utils"
import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import { EstimateStatus, InvoiceStatus } from "../constants"
import { INVOICE_OVERDUE_SQL, invoiceOverdueSql } from "../../../lib/status"

export type CustomerInvoiceBalance = {
  currency_code: string
  open_amount: string
  overdue: string
  /** Open invoices in this currency, and the id of one of them (the only one when the count is 1). */
  invoice_count: string
  invoice_id: string
}

/**
 * What a customer's list is filtered by: stored statuses and, for invoices, optional due-date
 * bounds (`due_before`: due_date < it; `due_not_before`: no due date or due_date >= it).
 */
export type CustomerListFilter = { statuses: string[]; due_before?: Date | null; due_not_before?: Date | null }

/** One page of rows and the count of all rows that match, from one statement. */
export type CustomerPage = { rows: Record<string, unknown>[]; count: number }

/** Numeric columns come from pg as text; the ORM hands them out as numbers, and so does this. */
function pageOf(rows: Record<string, unknown>[], numericColumns: readonly string[]): CustomerPage {
  const count = Number(rows[0]?._count ?? 0)
  const page = rows
    .filter((row) => row.id != null)
    .map(({ _count, ...row }) => {
      for (const column of numericColumns) {
        if (row[column] != null) {
          row[column] = Number(row[column])
        }
      }
      return row
    })
  return { rows: page, count }
}

const DOCUMENT_NUMERIC_COLUMNS = ["subtotal", "tax_total", "total"] as const
const INVOICE_NUMERIC_COLUMNS = [...DOCUMENT_NUMERIC_COLUMNS, "amount_paid"] as const

/** The settings row with what the session check needs of the customer's access, session and link. */
export type PortalRequestRow = Record<string, unknown> & {
  _access_enabled: boolean | null
  _session_found: boolean
  _session_ended_at: Date | null
  _session_expires_at: Date | null
  _token_found: boolean
  _token_revoked_at: Date | null
}

/** The columns of the request-state row that are not settings columns. */
export const PORTAL_REQUEST_EXTRA_COLUMNS = [
  "_access_enabled",
  "_session_found",
  "_session_ended_at",
  "_session_expires_at",
  "_token_found",
  "_token_revoked_at",
] as const

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

  /**
   * Everything a portal request re-checks, in one statement (one round trip): the settings row,
   * the customer's access row, and — with a session id — that session and the link it came
   * through. Each join is on a primary key or a unique index. No row: the settings row is missing.
   */
  async portalRequestState(
    settingsId: string,
    customerId: string,
    sessionId: string | null,
    context: Context = {}
  ): Promise<PortalRequestRow | undefined> {
    const [row] = await this.manager(context).execute(
      `SELECT s.*,
              a.enabled AS _access_enabled,
              (ps.id IS NOT NULL) AS _session_found, ps.ended_at AS _session_ended_at, ps.expires_at AS _session_expires_at,
              (pt.id IS NOT NULL) AS _token_found, pt.revoked_at AS _token_revoked_at
       FROM portal_settings s
       LEFT JOIN portal_access a ON a.customer_id = ? AND a.deleted_at IS NULL
       LEFT JOIN portal_session ps ON ps.id = ? AND ps.customer_id = ? AND ps.deleted_at IS NULL
       LEFT JOIN portal_token pt ON pt.id = ps.token_id AND pt.customer_id = ps.customer_id AND pt.deleted_at IS NULL
       WHERE s.id = ? AND s.deleted_at IS NULL`,
      [customerId, sessionId, customerId, settingsId]
    )
    return row as PortalRequestRow | undefined
  }

  /**
   * One page of a customer's invoices, newest first, and how many match in all — one statement:
   * the count (an index-only scan of IDX_invoice_customer_status_issue_date) and the page (a
   * backward scan of IDX_invoice_customer_issue_date_id that stops after offset + limit rows).
   * The LEFT JOIN keeps the count when the page is empty. A bound left NULL drops its condition
   * (PostgreSQL plans with the values, so it costs nothing).
   */
  async customerInvoicePage(
    customerId: string,
    filter: CustomerListFilter,
    page: { limit: number; offset: number },
    context: Context = {}
  ): Promise<CustomerPage> {
    const where = [
      customerId,
      filter.statuses,
      filter.due_before ?? null,
      filter.due_before ?? null,
      filter.due_not_before ?? null,
      filter.due_not_before ?? null,
    ]
    const rows = await this.manager(context).execute(
      `SELECT c.n AS _count, p.*
       FROM (SELECT count(*)::int AS n FROM portal_invoice
             WHERE customer_id = ? AND deleted_at IS NULL AND status IN (?)
               AND (?::timestamptz IS NULL OR due_date < ?)
               AND (?::timestamptz IS NULL OR due_date IS NULL OR due_date >= ?)) c
       LEFT JOIN LATERAL (
         SELECT * FROM portal_invoice
         WHERE customer_id = ? AND deleted_at IS NULL AND status IN (?)
           AND (?::timestamptz IS NULL OR due_date < ?)
           AND (?::timestamptz IS NULL OR due_date IS NULL OR due_date >= ?)
         ORDER BY issue_date DESC, id DESC LIMIT ? OFFSET ?
       ) p ON true
       ORDER BY p.issue_date DESC, p.id DESC`,
      [...where, ...where, page.limit, page.offset]
    )
    return pageOf(rows, INVOICE_NUMERIC_COLUMNS)
  }

  /** The same for estimates, by status only (IDX_estimate_customer_status_issue_date, IDX_estimate_customer_issue_date_id). */
  async customerEstimatePage(
    customerId: string,
    filter: Pick<CustomerListFilter, "statuses">,
    page: { limit: number; offset: number },
    context: Context = {}
  ): Promise<CustomerPage> {
    const rows = await this.manager(context).execute(
      `SELECT c.n AS _count, p.*
       FROM (SELECT count(*)::int AS n FROM portal_estimate
             WHERE customer_id = ? AND deleted_at IS NULL AND status IN (?)) c
       LEFT JOIN LATERAL (
         SELECT * FROM portal_estimate WHERE customer_id = ? AND deleted_at IS NULL AND status IN (?)
         ORDER BY issue_date DESC, id DESC LIMIT ? OFFSET ?
       ) p ON true
       ORDER BY p.issue_date DESC, p.id DESC`,
      [customerId, filter.statuses, customerId, filter.statuses, page.limit, page.offset]
    )
    return pageOf(rows, DOCUMENT_NUMERIC_COLUMNS)
  }

  /**
   * Appends one activity row in one statement: no transaction of its own (a single INSERT is
   * atomic) and no module event (nothing subscribes to activity rows). Runs in the caller's
   * transaction when there is one.
   */
  async insertEvent(
    event: {
      type: string
      customer_id: string | null
      actor: string
      subject_type: string | null
      subject_id: string | null
      data: Record<string, unknown> | null
    },
    context: Context = {}
  ) {
    const [row] = await this.manager(context).execute(
      `INSERT INTO portal_event (id, type, customer_id, actor, subject_type, subject_id, data)
       VALUES (?, ?, ?, ?, ?, ?, ?::jsonb)
       RETURNING id, type, customer_id, actor, subject_type, subject_id, data, created_at, updated_at, deleted_at`,
      [
        generateEntityId(undefined, "pevt"),
        event.type,
        event.customer_id,
        event.actor,
        event.subject_type,
        event.subject_id,
        event.data === null ? null : JSON.stringify(event.data),
      ]
    )
    return row as typeof event & { id: string; created_at: Date; updated_at: Date; deleted_at: Date | null }
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
              COUNT(*) FILTER (WHERE ${INVOICE_OVERDUE_SQL})::text AS overdue,
              COUNT(*)::text AS invoice_count, MIN(id) AS invoice_id
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
