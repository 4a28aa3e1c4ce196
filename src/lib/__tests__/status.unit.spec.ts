import {
  daysOverdue,
  deriveEstimateStatus,
  INVOICE_OVERDUE_SQL,
  invoiceDisplayStatusFilter,
  invoiceDisplayStatusRange,
  invoiceOverdueSql,
  isInvoiceOverdue,
  deriveInvoiceStatus,
  ESTIMATE_STATUS_LABELS,
  INVOICE_STATUS_LABELS,
  isEstimateExpired,
} from "../status"
import { formatDisplayNumber } from "../numbering"

const now = new Date("2026-11-25T12:00:00Z")

describe("derived statuses", () => {
  it("shows a sent invoice whose due date has passed as Overdue", () => {
    const status = deriveInvoiceStatus({ status: "sent", due_date: "2026-11-24T12:00:00Z" }, now)
    expect(status).toBe("overdue")
    expect(INVOICE_STATUS_LABELS[status]).toBe("Overdue")
  })

  it("shows a sent invoice due later, or with no due date, as Unpaid", () => {
    expect(deriveInvoiceStatus({ status: "sent", due_date: "2026-11-26T00:00:00Z" }, now)).toBe("unpaid")
    expect(deriveInvoiceStatus({ status: "sent", due_date: null }, now)).toBe("unpaid")
  })

  it("shows a sent invoice with some but not all of it paid as Partially paid, unless it is overdue", () => {
    const part = { status: "sent", due_date: null, total: 59.97, amount_paid: 20 }
    expect(deriveInvoiceStatus(part, now)).toBe("partially_paid")
    expect(INVOICE_STATUS_LABELS.partially_paid).toBe("Partially paid")
    expect(deriveInvoiceStatus({ ...part, amount_paid: 0 }, now)).toBe("unpaid")
    expect(deriveInvoiceStatus({ ...part, due_date: "2026-11-24T12:00:00Z" }, now)).toBe("overdue")
    // Refunded back to nothing: unpaid again.
    expect(deriveInvoiceStatus({ ...part, amount_paid: "0" }, now)).toBe("unpaid")
    expect(deriveInvoiceStatus({ status: "paid", due_date: null, total: 59.97, amount_paid: 59.97 }, now)).toBe("paid")
  })

  it("never shows a paid or void invoice as overdue", () => {
    expect(deriveInvoiceStatus({ status: "paid", due_date: "2020-01-01" }, now)).toBe("paid")
    expect(deriveInvoiceStatus({ status: "void", due_date: "2020-01-01" }, now)).toBe("void")
    expect(deriveInvoiceStatus({ status: "draft", due_date: "2020-01-01" }, now)).toBe("draft")
  })

  it("refuses an unknown stored status instead of guessing", () => {
    expect(() => deriveInvoiceStatus({ status: "lost" }, now)).toThrow('Unknown invoice status "lost"')
  })

  it("shows estimates as Pending / Accepted / Rejected", () => {
    expect(ESTIMATE_STATUS_LABELS[deriveEstimateStatus({ status: "sent" })]).toBe("Pending")
    expect(ESTIMATE_STATUS_LABELS[deriveEstimateStatus({ status: "accepted" })]).toBe("Accepted")
    expect(ESTIMATE_STATUS_LABELS[deriveEstimateStatus({ status: "rejected" })]).toBe("Rejected")
  })

  it("expires an estimate after valid_until only", () => {
    expect(isEstimateExpired({ valid_until: "2026-11-25T11:59:59Z" }, now)).toBe(true)
    expect(isEstimateExpired({ valid_until: "2026-11-25T12:00:01Z" }, now)).toBe(false)
    expect(isEstimateExpired({ valid_until: null }, now)).toBe(false)
  })
})

describe("display numbers", () => {
  it("pads to four digits and grows past them", () => {
    expect(formatDisplayNumber("INV-", 7)).toBe("INV-0007")
    expect(formatDisplayNumber("EST-", 12345)).toBe("EST-12345")
  })

  it("refuses non-positive or fractional numbers", () => {
    expect(() => formatDisplayNumber("INV-", 0)).toThrow("A display number must be a positive integer, got 0")
    expect(() => formatDisplayNumber("INV-", 1.5)).toThrow("A display number must be a positive integer, got 1.5")
    expect(() => formatDisplayNumber("INV-", -3)).toThrow("A display number must be a positive integer, got -3")
  })
})

describe("invoiceDisplayStatusFilter", () => {
  const now = new Date("2026-06-01T00:00:00.000Z")
  it("filters what deriveInvoiceStatus derives: overdue and unpaid from sent, the rest as stored", () => {
    expect(invoiceDisplayStatusFilter("overdue", now)).toEqual({ status: "sent", due_date: { $lt: now } })
    expect(invoiceDisplayStatusFilter("unpaid", now)).toEqual({ status: "sent", $or: [{ due_date: null }, { due_date: { $gte: now } }] })
    expect(invoiceDisplayStatusFilter("paid", now)).toEqual({ status: "paid" })
  })
})

describe("the overdue rule", () => {
  type Row = { status: string; due_date: Date | null }
  const day = 86_400_000
  const rows: Row[] = ["draft", "sent", "paid", "void"].flatMap((status) =>
    [null, -day, -1, 0, 1, day].map((offset) => ({ status, due_date: offset === null ? null : new Date(now.getTime() + offset) }))
  )

  /** Evaluates the filter shapes `invoiceDisplayStatusFilter` returns, as the ORM would. */
  function matchesFilter(row: Row, filter: Record<string, unknown>): boolean {
    return Object.entries(filter).every(([field, condition]) => {
      if (field === "$or") {
        return (condition as Record<string, unknown>[]).some((f) => matchesFilter(row, f))
      }
      const value = row[field as keyof Row]
      if (condition === null || typeof condition !== "object" || condition instanceof Date) {
        return value === condition
      }
      const { $lt, $gte } = condition as { $lt?: Date; $gte?: Date }
      if (value === null) {
        return false
      }
      return ($lt === undefined || (value as Date) < $lt) && ($gte === undefined || (value as Date) >= $gte)
    })
  }

  /** Evaluates `INVOICE_OVERDUE_SQL` (conditions `col = ?` / `col < ?` joined by AND) with its bindings, as PostgreSQL would. */
  function matchesSql(row: Row, sql: string, bindings: unknown[]) {
    const conditions = sql.split(/\s+AND\s+/)
    expect(conditions).toHaveLength(bindings.length)
    return conditions.every((condition, i) => {
      const [, column, operator] = condition.match(/^(\w+) (=|<) \?$/) ?? []
      expect(column).toBeDefined()
      const value = row[column as keyof Row]
      if (value === null) {
        return false // NULL compares to nothing
      }
      return operator === "=" ? value === bindings[i] : (value as Date).getTime() < (bindings[i] as Date).getTime()
    })
  }

  it("gives the same answer as a predicate, a list filter and SQL, for every status and due date", () => {
    const { sql, bindings } = invoiceOverdueSql(now)
    expect(sql).toBe(INVOICE_OVERDUE_SQL)
    for (const row of rows) {
      const overdue = deriveInvoiceStatus(row, now) === "overdue"
      expect([row, isInvoiceOverdue(row, now)]).toEqual([row, overdue])
      expect([row, matchesFilter(row, invoiceDisplayStatusFilter("overdue", now))]).toEqual([row, overdue])
      expect([row, matchesSql(row, sql, bindings)]).toEqual([row, overdue])
    }
  })

  /** Evaluates the bounds `invoiceDisplayStatusRange` returns, as the portal's list statement does. */
  function matchesRange(row: Row, range: ReturnType<typeof invoiceDisplayStatusRange>) {
    const due = row.due_date?.getTime() ?? null
    return (
      range.statuses.includes(row.status) &&
      (range.due_before === null || (due !== null && due < range.due_before.getTime())) &&
      (range.due_not_before === null || due === null || due >= range.due_not_before.getTime())
    )
  }

  it("lists by the same rule in the SQL list's bounds, for every display status, status and due date", () => {
    for (const display of ["unpaid", "overdue", "paid"] as const) {
      for (const row of rows) {
        const expected = deriveInvoiceStatus(row, now) === display
        expect([display, row, matchesRange(row, invoiceDisplayStatusRange(display, now))]).toEqual([display, row, expected])
      }
    }
  })

  it("calls every sent invoice that is not overdue unpaid, in the filter too", () => {
    for (const row of rows) {
      const unpaid = deriveInvoiceStatus(row, now) === "unpaid"
      expect([row, matchesFilter(row, invoiceDisplayStatusFilter("unpaid", now))]).toEqual([row, unpaid])
    }
  })
})

describe("daysOverdue", () => {
  const now = new Date("2026-12-02T07:00:00.000Z")

  it("counts whole days past the due date, at least one", () => {
    expect(daysOverdue({ status: "sent", due_date: "2026-11-29T00:00:00.000Z" }, now)).toBe(3)
    expect(daysOverdue({ status: "sent", due_date: "2026-12-02T00:00:00.000Z" }, now)).toBe(1)
  })

  it("is null when the invoice is not overdue", () => {
    expect(daysOverdue({ status: "sent", due_date: "2026-12-03T00:00:00.000Z" }, now)).toBeNull()
    expect(daysOverdue({ status: "sent", due_date: null }, now)).toBeNull()
    expect(daysOverdue({ status: "paid", due_date: "2026-11-01T00:00:00.000Z" }, now)).toBeNull()
  })
})
