import type { Context } from "@medusajs/framework/types"
import { generateEntityId, MikroOrmBase } from "@medusajs/framework/utils"
import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import { EstimateStatus, InvoiceStatus } from "../constants"
import { INVOICE_OVERDUE_SQL, invoiceOverdueSql } from "../../../lib/status"
import { customerPageStatement, type PageWindow } from "./customer-page-sql"

export type CustomerInvoiceBalance = {
  currency_code: string
  open_amount: string
  overdue: string
  /** Open invoices in this currency, and the id of one of them (the only one when the count is 1). */
  invoice_count: string
  invoice_id: string
}

/** What `customerSummary` reads: balances per currency (exact, as text) and the pending estimates. */
export type CustomerSummaryFigures = { balances: CustomerInvoiceBalance[]; pending_estimates: number }

/**
 * What a customer's list is filtered by: stored statuses and, for invoices, optional due-date
 * bounds (`due_before`: due_date < it; `due_not_before`: no due date or due_date >= it).
 */
export type CustomerListFilter = { statuses: string[]; due_before?: Date | null; due_not_before?: Date | null }

/** One row of `customerLedger`: an invoice (at = issue date), or a payment or refund on one (at = its date). */
export type CustomerLedgerRow = {
  kind: "invoice" | "payment" | "refund"
  id: string
  invoice_id: string
  number: string | null
  currency_code: string | null
  at: Date
  due_date: Date | null
  /** Exact decimal text. */
  amount: string
  method: string | null
}

/** One page of rows and the count of all rows that match, from one statement. */
export type CustomerPage = { rows: Record<string, unknown>[]; count: number }

/** Numeric columns come from pg as text; the ORM hands them out as numbers, and so does this. */
function withNumbers<T extends Record<string, unknown>>(row: T, numericColumns: readonly string[]): T {
  for (const column of numericColumns) {
    if (row[column] != null) {
      ;(row as Record<string, unknown>)[column] = Number(row[column])
    }
  }
  return row
}

function pageOf(rows: Record<string, unknown>[], numericColumns: readonly string[]): CustomerPage {
  const count = Number(rows[0]?._count ?? 0)
  const page = rows.filter((row) => row.id != null).map(({ _count, ...row }) => withNumbers(row, numericColumns))
  return { rows: page, count }
}

const DOCUMENT_NUMERIC_COLUMNS = ["subtotal", "tax_total", "total"] as const
const INVOICE_NUMERIC_COLUMNS = [...DOCUMENT_NUMERIC_COLUMNS, "amount_paid"] as const

/** An invoice the reminder job may remind of, with what the email rule and the store need. */
export type ReminderCandidateRow = {
  id: string
  customer_id: string
  display_number: string | null
  status: string
  currency_code: string
  total: string
  amount_paid: string
  due_date: Date
  sent_at: Date | null
  /** Null when the customer has no access row. */
  access_enabled: boolean | null
  reminders_opt_out: boolean | null
  /** Steps already sent, being sent, or failed past the attempt limit: never claimed again. */
  done_steps: string[]
}

/** A reminder claimed by this worker: send it, then record the outcome. */
export type ClaimedReminderRow = { id: string; attempts: number }

/** A row of `portal_estimate_decision`, as the service hands it out. */
export type EstimateDecisionRow = {
  id: string
  estimate_id: string
  customer_id: string
  decision: "accepted" | "rejected"
  signed_name: string | null
  accepted_terms: string | null
  note: string | null
  document_hash: string
  display_number: string | null
  currency_code: string
  total: number
  portal_session_id: string | null
  ip: string | null
  user_agent: string | null
  decided_at: Date
}

export type EstimateDecisionInsert = Omit<EstimateDecisionRow, "id">

/** A document line (`l`) as the detail reads return it: the invoice and estimate lines share their columns. */
const LINE_JSON = `json_build_object(
  'id', l.id, 'rank', l.rank, 'title', l.title, 'description', l.description,
  'quantity', l.quantity, 'unit_price', l.unit_price, 'tax_rate', l.tax_rate,
  'subtotal', l.subtotal, 'tax_total', l.tax_total, 'total', l.total)`

const DECISION_COLUMNS = `id, estimate_id, customer_id, decision, signed_name, accepted_terms, note, document_hash,
  display_number, currency_code, total, portal_session_id, ip, user_agent, decided_at`

function decisionRow(row: Record<string, unknown>): EstimateDecisionRow {
  return { ...(row as EstimateDecisionRow), total: Number(row.total), decided_at: new Date(row.decided_at as string) }
}

/** One activity row, as `insertEvent` and a logged document read write it. */
export type PortalEventRow = {
  type: string
  customer_id: string | null
  actor: string
  subject_type: string | null
  subject_id: string | null
  data: Record<string, unknown> | null
}

/** The bound values of one new activity row, in the column order of the INSERTs below. */
function eventValues(event: PortalEventRow) {
  return [
    generateEntityId(undefined, "pevt"),
    event.type,
    event.customer_id,
    event.actor,
    event.subject_type,
    event.subject_id,
    event.data === null ? null : JSON.stringify(event.data),
  ]
}

/** A customer's invoice with its lines and payments, as `customerInvoiceDetail` reads it. */
export type CustomerInvoiceDetailRow = Record<string, unknown> & {
  id: string
  lines: Record<string, unknown>[]
  payments: (Record<string, unknown> & { paid_at: Date })[]
}

/** A customer's estimate with its lines, as `customerEstimateDetail` reads it. */
export type CustomerEstimateDetailRow = Record<string, unknown> & { id: string; lines: Record<string, unknown>[] }

/** The bound values of a detail statement's optional view-log INSERT: none is written without a view. */
function viewValues(view: PortalEventRow | null) {
  return [...(view ? eventValues(view) : [null, null, null, null, null, null, null]), view !== null]
}

/** The settings row with what the session check needs of the customer's access, session and link. */
export type PortalRequestRow = Record<string, unknown> & {
  _access_enabled: boolean | null
  _session_found: boolean
  _session_ended_at: Date | null
  _session_expires_at: Date | null
  _token_found: boolean
  _token_revoked_at: Date | null
  /** The customer's chosen language (portal_access.locale), for the pages of this request. */
  _access_locale: string | null
  /** When the Medusa customer was deleted (portal_access.customer_deleted_at), null while it exists. */
  _customer_deleted_at: Date | null
}

/** A portal_session row as `startSession` returns it. */
export type PortalSessionRow = {
  id: string
  customer_id: string
  token_id: string
  channel: string
  expires_at: Date
  ended_at: Date | null
  created_at: Date
  updated_at: Date
  deleted_at: Date | null
}

/** The columns of the request-state row that are not settings columns. */
export const PORTAL_REQUEST_EXTRA_COLUMNS = [
  "_access_enabled",
  "_session_found",
  "_session_ended_at",
  "_session_expires_at",
  "_token_found",
  "_token_revoked_at",
  "_access_locale",
  "_customer_deleted_at",
] as const

/**
 * Every raw SQL statement of the Portal module: row locks, the number sequences, the per-access
 * upsert, the customer lists and document reads, and the customer summary aggregate. Each statement is a literal with bound parameters
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
   * the customer's access row (enabled, language, whether the customer was deleted), and — with a session id — that session and the link it came
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
              a.enabled AS _access_enabled, a.locale AS _access_locale, a.customer_deleted_at AS _customer_deleted_at,
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
   * One page of a customer's invoices, newest first, and how many match in all, in one statement
   * (`customerPageStatement`): the count from an index-only scan of
   * IDX_invoice_customer_status_issue_date, the page's ids from one of
   * IDX_invoice_customer_issue_date_id_status_due (which holds every column the filter reads), read
   * from the end nearer to the page. A bound left NULL drops its condition (PostgreSQL plans with
   * the values, so it costs nothing).
   */
  async customerInvoicePage(
    customerId: string,
    filter: CustomerListFilter,
    page: PageWindow,
    context: Context = {}
  ): Promise<CustomerPage> {
    const statement = customerPageStatement(
      {
        table: "portal_invoice",
        where: `customer_id = ? AND deleted_at IS NULL AND status IN (?)
          AND (?::timestamptz IS NULL OR due_date < ?)
          AND (?::timestamptz IS NULL OR due_date IS NULL OR due_date >= ?)`,
        bindings: [
          customerId,
          filter.statuses,
          filter.due_before ?? null,
          filter.due_before ?? null,
          filter.due_not_before ?? null,
          filter.due_not_before ?? null,
        ],
      },
      page
    )
    const rows = await this.manager(context).execute(statement.sql, statement.bindings)
    return pageOf(rows, INVOICE_NUMERIC_COLUMNS)
  }

  /** The same for estimates, by status only (IDX_estimate_customer_status_issue_date, IDX_estimate_customer_issue_date_id_status). */
  async customerEstimatePage(
    customerId: string,
    filter: Pick<CustomerListFilter, "statuses">,
    page: PageWindow,
    context: Context = {}
  ): Promise<CustomerPage> {
    const statement = customerPageStatement(
      {
        table: "portal_estimate",
        where: "customer_id = ? AND deleted_at IS NULL AND status IN (?)",
        bindings: [customerId, filter.statuses],
      },
      page
    )
    const rows = await this.manager(context).execute(statement.sql, statement.bindings)
    return pageOf(rows, DOCUMENT_NUMERIC_COLUMNS)
  }

  /**
   * One of a customer's invoices (by id, customer and visible status) with its lines and
   * payments, in one statement: the lines and payments come as JSON arrays beside the invoice
   * row, each read through its invoice_id index (numeric columns arrive as JSON numbers, as the
   * ORM hands them out; the line columns are the estimate detail's too, LINE_JSON). With `view`, the same statement appends that
   * activity row — only when the invoice was found (a data-modifying CTE runs whether or not the
   * query reads it). Undefined when there is no such invoice.
   */
  async customerInvoiceDetail(
    customerId: string,
    id: string,
    statuses: string[],
    view: PortalEventRow | null,
    context: Context = {}
  ): Promise<CustomerInvoiceDetailRow | undefined> {
    const [row] = await this.manager(context).execute(
      `WITH d AS (
         SELECT * FROM portal_invoice WHERE id = ? AND customer_id = ? AND status IN (?) AND deleted_at IS NULL
       ), viewed AS (
         INSERT INTO portal_event (id, type, customer_id, actor, subject_type, subject_id, data)
         SELECT ?, ?, ?, ?, ?, ?, ?::jsonb FROM d WHERE ?::boolean
       )
       SELECT d.*,
              (SELECT coalesce(json_agg(${LINE_JSON} ORDER BY l.rank, l.id), '[]'::json)
                 FROM portal_invoice_line l WHERE l.invoice_id = d.id AND l.deleted_at IS NULL) AS _lines,
              (SELECT coalesce(json_agg(json_build_object(
                        'id', p.id, 'amount', p.amount, 'method', p.method, 'paid_at', p.paid_at,
                        'refunded_amount', p.refunded_amount, 'refunded_at', p.refunded_at
                      ) ORDER BY p.paid_at, p.id), '[]'::json)
                 FROM portal_invoice_payment p WHERE p.invoice_id = d.id AND p.deleted_at IS NULL) AS _payments
       FROM d`,
      [id, customerId, statuses, ...viewValues(view)]
    )
    if (!row) {
      return undefined
    }
    const { _lines, _payments, ...invoice } = row as Record<string, unknown> & {
      _lines: Record<string, unknown>[]
      _payments: (Record<string, unknown> & { paid_at: string })[]
    }
    return {
      ...(withNumbers(invoice, INVOICE_NUMERIC_COLUMNS) as Record<string, unknown> & { id: string }),
      lines: _lines,
      // JSON has no dates: paid_at becomes a Date again, as the row's own dates are.
      payments: _payments.map((p) => ({ ...p, paid_at: new Date(p.paid_at) })),
    }
  }

  /** The same for one of a customer's estimates and its lines (see customerInvoiceDetail). */
  async customerEstimateDetail(
    customerId: string,
    id: string,
    statuses: string[],
    view: PortalEventRow | null,
    context: Context = {}
  ): Promise<CustomerEstimateDetailRow | undefined> {
    const [row] = await this.manager(context).execute(
      `WITH d AS (
         SELECT * FROM portal_estimate WHERE id = ? AND customer_id = ? AND status IN (?) AND deleted_at IS NULL
       ), viewed AS (
         INSERT INTO portal_event (id, type, customer_id, actor, subject_type, subject_id, data)
         SELECT ?, ?, ?, ?, ?, ?, ?::jsonb FROM d WHERE ?::boolean
       )
       SELECT d.*,
              (SELECT coalesce(json_agg(${LINE_JSON} ORDER BY l.rank, l.id), '[]'::json)
                 FROM portal_estimate_line l WHERE l.estimate_id = d.id AND l.deleted_at IS NULL) AS _lines
       FROM d`,
      [id, customerId, statuses, ...viewValues(view)]
    )
    if (!row) {
      return undefined
    }
    const { _lines, ...estimate } = row as Record<string, unknown> & { _lines: Record<string, unknown>[] }
    return { ...(withNumbers(estimate, DOCUMENT_NUMERIC_COLUMNS) as Record<string, unknown> & { id: string }), lines: _lines }
  }

  /**
   * Appends one activity row in one statement: no transaction of its own (a single INSERT is
   * atomic) and no module event (nothing subscribes to activity rows). Runs in the caller's
   * transaction when there is one.
   */
  async insertEvent(event: PortalEventRow, context: Context = {}) {
    const [row] = await this.manager(context).execute(
      `INSERT INTO portal_event (id, type, customer_id, actor, subject_type, subject_id, data)
       VALUES (?, ?, ?, ?, ?, ?, ?::jsonb)
       RETURNING id, type, customer_id, actor, subject_type, subject_id, data, created_at, updated_at, deleted_at`,
      eventValues(event)
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

  /**
   * Starts a portal session through a link in one statement, so it is atomic without a
   * transaction of its own: it locks the customer's access row (only while access is enabled),
   * stamps the link's last use (only while it is neither revoked nor expired), then inserts the
   * session (never outliving the link), stamps the access row's last open and appends the
   * "link opened" activity row. No row: the link or the access stopped working since the check,
   * and nothing was written. The access row is locked before the link, in the order that issuing
   * a link and disabling access take them, so a concurrent disable cannot deadlock with it; a
   * link revoked meanwhile is seen, because an UPDATE re-reads a row it had to wait for.
   */
  async startSession(
    input: {
      session_id: string
      event_id: string
      customer_id: string
      token_id: string
      channel: string
      latest_expiry: Date
      event: { type: string; actor: string }
      now: Date
    },
    context: Context = {}
  ): Promise<(PortalSessionRow & { _event_id: string }) | undefined> {
    const { now } = input
    const [row] = await this.manager(context).execute(
      `WITH access AS (
         SELECT id FROM portal_access WHERE customer_id = ? AND enabled AND deleted_at IS NULL FOR UPDATE
       ), link AS (
         UPDATE portal_token SET last_used_at = ?, updated_at = ?
         WHERE id = ? AND customer_id = ? AND revoked_at IS NULL AND expires_at > ? AND deleted_at IS NULL
           AND EXISTS (SELECT 1 FROM access)
         RETURNING id, expires_at
       ), session AS (
         INSERT INTO portal_session (id, customer_id, token_id, channel, expires_at, created_at, updated_at)
         SELECT ?, ?, link.id, ?, LEAST(link.expires_at, ?::timestamptz), ?, ? FROM link
         RETURNING id, customer_id, token_id, channel, expires_at, ended_at, created_at, updated_at, deleted_at
       ), opened AS (
         UPDATE portal_access SET last_opened_at = ?, updated_at = ?
         WHERE id IN (SELECT id FROM access) AND EXISTS (SELECT 1 FROM link)
       ), logged AS (
         INSERT INTO portal_event (id, type, customer_id, actor, data, created_at, updated_at)
         SELECT ?, ?, ?, ?, jsonb_build_object('link_id', session.token_id, 'via', session.channel), ?, ? FROM session
         RETURNING id
       )
       SELECT session.*, logged.id AS _event_id FROM session, logged`,
      [
        input.customer_id,
        now,
        now,
        input.token_id,
        input.customer_id,
        now,
        input.session_id,
        input.customer_id,
        input.channel,
        input.latest_expiry,
        now,
        now,
        now,
        now,
        input.event_id,
        input.event.type,
        input.customer_id,
        input.event.actor,
        now,
        now,
      ]
    )
    return row as (PortalSessionRow & { _event_id: string }) | undefined
  }

  /** Ends a live session of the customer in one UPDATE; false when there was none to end. */
  async endSession(customerId: string, sessionId: string, at: Date, context: Context = {}) {
    const rows = await this.manager(context).execute(
      `UPDATE portal_session SET ended_at = ?, updated_at = ?
       WHERE id = ? AND customer_id = ? AND ended_at IS NULL AND deleted_at IS NULL
       RETURNING id`,
      [at, at, sessionId, customerId]
    )
    return rows.length > 0
  }

  /**
   * Claims the customer's first-access email in one UPDATE: true for exactly one of several
   * emails decided at once, while no access email has left yet. A claim older than `staleBefore`
   * (its sender died before sending) may be taken again.
   */
  async claimFirstAccess(customerId: string, now: Date, staleBefore: Date, context: Context = {}) {
    const rows = await this.manager(context).execute(
      `UPDATE portal_access SET first_access_claimed_at = ?, updated_at = ?
       WHERE customer_id = ? AND first_sent_at IS NULL AND deleted_at IS NULL
         AND (first_access_claimed_at IS NULL OR first_access_claimed_at < ?)
       RETURNING id`,
      [now, now, customerId, staleBefore]
    )
    return rows.length > 0
  }

  /** Gives a first-access claim back (its email failed), unless an access email has left since. */
  async releaseFirstAccess(customerId: string, claimedAt: Date, context: Context = {}) {
    await this.manager(context).execute(
      `UPDATE portal_access SET first_access_claimed_at = NULL, updated_at = now()
       WHERE customer_id = ? AND first_sent_at IS NULL AND first_access_claimed_at = ? AND deleted_at IS NULL`,
      [customerId, claimedAt]
    )
  }

  /**
   * Claims an owed email for one delivery: true for exactly one caller while it is not done, not
   * given up (`maxAttempts`) and not claimed since `staleBefore` (a live delivery holds it).
   */
  async claimEmailDue(id: string, now: Date, staleBefore: Date, maxAttempts: number, context: Context = {}) {
    const rows = await this.manager(context).execute(
      `UPDATE portal_email_due SET claimed_at = ?, attempts = attempts + 1, updated_at = ?
       WHERE id = ? AND done_at IS NULL AND attempts < ? AND deleted_at IS NULL
         AND (claimed_at IS NULL OR claimed_at < ?)
       RETURNING id`,
      [now, now, id, maxAttempts, staleBefore]
    )
    return rows.length > 0
  }

  /** Marks a document's owed emails done that nobody is delivering: a new send owes a newer one. */
  async supersedeEmailsDue(subjectId: string, now: Date, staleBefore: Date, context: Context = {}) {
    await this.manager(context).execute(
      `UPDATE portal_email_due SET done_at = ?, updated_at = ?
       WHERE subject_id = ? AND done_at IS NULL AND deleted_at IS NULL AND (claimed_at IS NULL OR claimed_at < ?)`,
      [now, now, subjectId, staleBefore]
    )
  }

  /**
   * Owed emails nobody is delivering: created before `createdBefore` (the subscriber had its
   * chance), not done, not given up, unclaimed or claimed before `staleBefore`. Oldest first.
   */
  async listEmailsDue(
    input: { createdBefore: Date; staleBefore: Date; maxAttempts: number; limit: number },
    context: Context = {}
  ): Promise<{ id: string; customer_id: string; subject_type: "invoice" | "estimate"; subject_id: string }[]> {
    return this.manager(context).execute(
      `SELECT id, customer_id, subject_type, subject_id FROM portal_email_due
       WHERE done_at IS NULL AND deleted_at IS NULL AND created_at < ? AND attempts < ?
         AND (claimed_at IS NULL OR claimed_at < ?)
       ORDER BY created_at LIMIT ?`,
      [input.createdBefore, input.maxAttempts, input.staleBefore, input.limit]
    )
  }

  /** Revokes every live link of a customer at once. */
  async revokeLiveTokens(customerId: string, at: Date, context: Context) {
    await this.manager(context).execute(
      `UPDATE portal_token SET revoked_at = ?, updated_at = ? WHERE customer_id = ? AND revoked_at IS NULL AND deleted_at IS NULL`,
      [at, at, customerId]
    )
  }

  /**
   * A customer's home figures in one statement: open balance and overdue count per currency of
   * their sent invoices, summed in PostgreSQL numeric (exact), and how many sent estimates await
   * their decision. "Overdue" is `invoiceOverdueSql`, the SQL form of the one rule in
   * lib/status.ts, evaluated at the caller's `now` (the app's clock, as the list filter uses).
   * The LEFT JOIN keeps the estimate count when there is no open invoice. Both halves are
   * index-only scans: IDX_invoice_customer_open_balance (open invoices only, with every column
   * read here: keep it so when this changes; `(total - amount_paid) IS NOT NULL`, always true, is
   * its predicate, which keeps other queries off it) and IDX_estimate_customer_status_issue_date.
   */
  async customerSummary(customerId: string, now: Date, context: Context): Promise<CustomerSummaryFigures> {
    const overdue = invoiceOverdueSql(now)
    // The one interpolation is INVOICE_OVERDUE_SQL, a constant of lib/status.ts; values are bound.
    const rows: (CustomerInvoiceBalance & { _pending: number; currency_code: string | null })[] = await this.manager(
      context
    ).execute(
      `SELECT e.n AS _pending, b.currency_code, b.open_amount, b.overdue, b.invoice_count, b.invoice_id
       FROM (SELECT COUNT(*)::int AS n FROM portal_estimate WHERE customer_id = ? AND status = ? AND deleted_at IS NULL) e
       LEFT JOIN (
         SELECT currency_code, SUM(total - amount_paid)::text AS open_amount,
                COUNT(*) FILTER (WHERE ${INVOICE_OVERDUE_SQL})::text AS overdue,
                COUNT(*)::text AS invoice_count, MIN(id) AS invoice_id
         FROM portal_invoice WHERE customer_id = ? AND status = ? AND deleted_at IS NULL AND (total - amount_paid) IS NOT NULL
         GROUP BY currency_code
       ) b ON true
       ORDER BY b.currency_code`,
      [customerId, EstimateStatus.SENT, ...overdue.bindings, customerId, InvoiceStatus.SENT]
    )
    return {
      balances: rows
        .filter((row) => row.currency_code !== null)
        .map(({ currency_code, open_amount, overdue, invoice_count, invoice_id }) => ({
          currency_code: currency_code!,
          open_amount,
          overdue,
          invoice_count,
          invoice_id,
        })),
      pending_estimates: Number(rows[0]?._pending ?? 0),
    }
  }

  /**
   * A customer's ledger up to `end` (exclusive), in one statement: their visible invoices issued
   * before it (IDX_invoice_customer_status_issue_date: a range scan of this customer's rows) and
   * the payments dated before it on those invoices (a LATERAL probe of IDX_portal_invoice_payment_invoice_id
   * per invoice, kept a probe by OFFSET 0, which stops PostgreSQL from flattening it into a hash join
   * over the whole payments table: the cost follows the customer's own history, never the table's size).
   * Amounts come as exact decimal text; lib/statement.ts does the arithmetic. Rows are bounded by
   * the customer's own history (a statement's opening balance needs all of it before the period).
   */
  async customerLedger(customerId: string, statuses: string[], end: Date, context: Context = {}): Promise<CustomerLedgerRow[]> {
    const rows: CustomerLedgerRow[] = await this.manager(context).execute(
      `SELECT 'invoice' AS kind, i.id, i.id AS invoice_id, i.display_number AS number, i.currency_code,
              i.issue_date AS at, i.due_date, i.total::text AS amount, NULL::text AS method
       FROM portal_invoice i
       WHERE i.customer_id = ? AND i.status IN (?) AND i.deleted_at IS NULL AND i.issue_date < ?
       UNION ALL
       SELECT 'payment', p.id, p.invoice_id, NULL, NULL, p.paid_at, NULL, p.amount::text, p.method::text
       FROM portal_invoice i
       CROSS JOIN LATERAL (
         SELECT id, invoice_id, paid_at, amount, method FROM portal_invoice_payment
         WHERE invoice_id = i.id AND deleted_at IS NULL AND paid_at < ?
         OFFSET 0
       ) p
       WHERE i.customer_id = ? AND i.status IN (?) AND i.deleted_at IS NULL AND i.issue_date < ?
       UNION ALL
       SELECT 'refund', r.id, r.invoice_id, NULL, NULL, r.refunded_at, NULL, r.amount::text, NULL
       FROM portal_invoice i
       JOIN portal_invoice_refund r ON r.invoice_id = i.id AND r.deleted_at IS NULL AND r.refunded_at < ?
       WHERE i.customer_id = ? AND i.status IN (?) AND i.deleted_at IS NULL AND i.issue_date < ?`,
      [customerId, statuses, end, end, customerId, statuses, end, end, customerId, statuses, end]
    )
    return rows
  }

  /**
   * Stores a customer's decision in one statement: the estimate's new status and the append-only
   * decision record, together. Runs in the caller's transaction, after `lockEstimate`.
   */
  async decideEstimate(input: EstimateDecisionInsert, context: Context): Promise<EstimateDecisionRow> {
    const [row] = await this.manager(context).execute(
      `WITH decided AS (
         UPDATE portal_estimate SET status = ?, decided_at = ?, decision_note = ?, updated_at = ?
         WHERE id = ? AND deleted_at IS NULL RETURNING id
       )
       INSERT INTO portal_estimate_decision (id, estimate_id, customer_id, decision, signed_name, accepted_terms, note,
         document_hash, display_number, currency_code, total, raw_total, portal_session_id, ip, user_agent, decided_at,
         created_at, updated_at)
       SELECT ?, decided.id, ?, ?, ?, ?, ?, ?, ?, ?, ?::numeric, ?::jsonb, ?, ?, ?, ?, ?, ? FROM decided
       RETURNING ${DECISION_COLUMNS}`,
      [
        input.decision,
        input.decided_at,
        input.note,
        input.decided_at,
        input.estimate_id,
        generateEntityId(undefined, "estdec"),
        input.customer_id,
        input.decision,
        input.signed_name,
        input.accepted_terms,
        input.note,
        input.document_hash,
        input.display_number,
        input.currency_code,
        String(input.total),
        JSON.stringify({ value: String(input.total), precision: 20 }),
        input.portal_session_id,
        input.ip,
        input.user_agent,
        input.decided_at,
        input.decided_at,
        input.decided_at,
      ]
    )
    return decisionRow(row)
  }

  /** An estimate's decision records, oldest first. */
  async listEstimateDecisions(estimateId: string, context: Context = {}): Promise<EstimateDecisionRow[]> {
    const rows = await this.manager(context).execute(
      `SELECT ${DECISION_COLUMNS} FROM portal_estimate_decision WHERE estimate_id = ? AND deleted_at IS NULL
       ORDER BY decided_at, id`,
      [estimateId]
    )
    return rows.map(decisionRow)
  }

  /**
   * The one way a decision record is removed: compensation of the workflow that inserted it,
   * in that compensation's transaction (the immutability trigger lets a DELETE through only with
   * this transaction-local flag; it never lets an UPDATE through).
   */
  async removeDecisionInCompensation(id: string, context: Context) {
    const manager = this.manager(context)
    await manager.execute(`SELECT set_config('portal.decision_compensation', 'on', true)`)
    await manager.execute(`DELETE FROM portal_estimate_decision WHERE id = ?`, [id])
  }
  /**
   * One page of the invoices the reminder job may remind of: sent, live, due within `window`,
   * after the keyset `after` (due_date, id), in that order — a range scan of
   * IDX_invoice_status_due_date. Each row carries the customer's access flags and the steps that
   * are done for it (the unique index's lookup, one per row).
   */
  async reminderCandidates(
    window: { from: Date; to: Date },
    after: { due_date: Date; id: string } | null,
    limit: number,
    maxAttempts: number,
    context: Context = {}
  ): Promise<ReminderCandidateRow[]> {
    const rows = await this.manager(context).execute(
      `SELECT i.id, i.customer_id, i.display_number, i.status, i.currency_code, i.total::text AS total,
              i.amount_paid::text AS amount_paid, i.due_date, i.sent_at,
              a.enabled AS access_enabled, a.reminders_opt_out,
              ARRAY(SELECT r.step FROM portal_reminder r
                    WHERE r.invoice_id = i.id AND r.deleted_at IS NULL AND (r.status <> 'failed' OR r.attempts >= ?)) AS done_steps
       FROM portal_invoice i
       LEFT JOIN portal_access a ON a.customer_id = i.customer_id AND a.deleted_at IS NULL
       WHERE i.status = ? AND i.deleted_at IS NULL AND i.due_date >= ? AND i.due_date <= ?
         AND (?::timestamptz IS NULL OR (i.due_date, i.id) > (?::timestamptz, ?))
       ORDER BY i.due_date, i.id
       LIMIT ?`,
      [
        maxAttempts,
        InvoiceStatus.SENT,
        window.from,
        window.to,
        after?.due_date ?? null,
        after?.due_date ?? null,
        after?.id ?? null,
        limit,
      ]
    )
    return rows as ReminderCandidateRow[]
  }

  /**
   * Claims one reminder (invoice, step) for this worker, in one statement: the INSERT wins only
   * where no row exists (the unique index is the idempotency key, whichever instance or run
   * races), or takes over a failed one below the attempt limit; a second claimant waits on the
   * row and then finds it taken. Nothing is claimed for an invoice that is no longer sent. No
   * row: another worker has it (or had it), send nothing.
   */
  async claimReminder(
    input: { invoice_id: string; customer_id: string; step: string; now: Date; max_attempts: number },
    context: Context = {}
  ): Promise<ClaimedReminderRow | null> {
    const [row] = await this.manager(context).execute(
      `INSERT INTO portal_reminder (id, invoice_id, customer_id, step, status, attempts, claimed_at, created_at, updated_at)
       SELECT ?, i.id, ?, ?, 'sending', 1, ?, ?, ?
       FROM portal_invoice i WHERE i.id = ? AND i.status = ? AND i.deleted_at IS NULL
       ON CONFLICT (invoice_id, step) WHERE deleted_at IS NULL DO UPDATE
         SET status = 'sending', attempts = portal_reminder.attempts + 1, claimed_at = EXCLUDED.claimed_at,
             error = NULL, updated_at = EXCLUDED.updated_at
         WHERE portal_reminder.status = 'failed' AND portal_reminder.attempts < ?
       RETURNING id, attempts`,
      [
        generateEntityId(undefined, "prem"),
        input.customer_id,
        input.step,
        input.now,
        input.now,
        input.now,
        input.invoice_id,
        InvoiceStatus.SENT,
        input.max_attempts,
      ]
    )
    return row ? { id: row.id as string, attempts: Number(row.attempts) } : null
  }

  /** Records how a claimed reminder ended: sent, or failed (claimable again by a later run). */
  async finishReminder(
    id: string,
    outcome: { status: "sent" | "failed"; at: Date; error?: string | null },
    context: Context = {}
  ) {
    await this.manager(context).execute(
      `UPDATE portal_reminder SET status = ?, sent_at = ?, error = ?, updated_at = ? WHERE id = ? AND status = 'sending'`,
      [outcome.status, outcome.status === "sent" ? outcome.at : null, outcome.error ?? null, outcome.at, id]
    )
  }
}

export default PortalSqlRepository
