/**
 * The statement behind every customer list (invoices, estimates; the JSON routes and the pages):
 * one page, newest first (issue date, then id), and the count of all rows that match, in one
 * statement.
 *
 * The page is a deferred join: its ids come from an index-only scan that holds every column the
 * filter reads, then only those rows are read by primary key. A scan skips its offset one index
 * entry at a time, so a page is read from the end nearer to it: the first pages backwards from the
 * newest, the last pages forwards from the oldest (the last page of 5 000 costs what the first
 * does). Which end is nearer depends on the count, so a page past the first is read in the
 * count's statement: one branch per end, and the other one's LIMIT is 0, so it reads nothing.
 */

/** What a list reads: its table and the filter (SQL with `?` bindings, the same for the count and the page). */
export type CustomerPageQuery = {
  table: "portal_invoice" | "portal_estimate"
  where: string
  bindings: unknown[]
}

export type PageWindow = { limit: number; offset: number }

export type PageStatement = { sql: string; bindings: unknown[] }

/**
 * The count beside the page (the LEFT JOIN keeps the count when the page is empty), as one
 * statement; `_count` is on every row.
 */
export function customerPageStatement(query: CustomerPageQuery, page: PageWindow): PageStatement {
  const { table, where, bindings } = query
  const limit = Math.max(0, Math.trunc(page.limit))
  const offset = Math.max(0, Math.trunc(page.offset))
  if (offset === 0) {
    // The first page needs no count to know its end: the simpler statement plans faster.
    return {
      sql: `SELECT c.n AS _count, p.*
        FROM (SELECT count(*)::int AS n FROM ${table} WHERE ${where}) c
        LEFT JOIN LATERAL (
          SELECT d.* FROM (
            SELECT id FROM ${table} WHERE ${where}
            ORDER BY issue_date DESC, id DESC LIMIT ?::int
          ) k JOIN ${table} d ON d.id = k.id
        ) p ON true
        ORDER BY p.issue_date DESC, p.id DESC`,
      bindings: [...bindings, ...bindings, limit],
    }
  }
  // The page covers positions [offset, offset + limit) counted from the newest; from the oldest,
  // [n - offset - limit, n - offset). It is nearer the newest when offset + limit / 2 <= n / 2.
  const nearNewest = 2 * offset + limit
  return {
    sql: `WITH c AS (SELECT count(*)::int AS n FROM ${table} WHERE ${where}),
      k AS (
        SELECT id FROM (
          (SELECT id FROM ${table} WHERE ${where}
           ORDER BY issue_date DESC, id DESC
           LIMIT CASE WHEN ?::int <= (SELECT n FROM c) THEN ?::int ELSE 0 END
           OFFSET ?::int)
          UNION ALL
          (SELECT id FROM ${table} WHERE ${where}
           ORDER BY issue_date ASC, id ASC
           LIMIT CASE WHEN ?::int > (SELECT n FROM c) THEN greatest(least(?::int, (SELECT n FROM c) - ?::int), 0) ELSE 0 END
           OFFSET greatest((SELECT n FROM c) - ?::int, 0))
        ) ends
        LIMIT ?::int
      )
      SELECT c.n AS _count, p.*
      FROM c LEFT JOIN LATERAL (SELECT d.* FROM k JOIN ${table} d ON d.id = k.id) p ON true
      ORDER BY p.issue_date DESC, p.id DESC`,
    bindings: [
      ...bindings,
      ...bindings,
      nearNewest,
      limit,
      offset,
      ...bindings,
      nearNewest,
      limit,
      offset,
      offset + limit,
      // The planner's estimate of the page: at most `limit` rows.
      limit,
    ],
  }
}
