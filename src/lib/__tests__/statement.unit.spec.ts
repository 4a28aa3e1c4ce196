import {
  ageingBucket,
  computeStatement,
  daysPastDue,
  defaultStatementPeriod,
  LedgerInvoice,
  LedgerPayment,
  StatementSection,
  whyNotStatementPeriod,
} from "../statement"

const at = (day: string, time = "12:00:00") => new Date(`${day}T${time}.000Z`)
const inv = (id: string, issue: string, total: number | string, extra: Partial<LedgerInvoice> = {}): LedgerInvoice => ({
  id,
  number: id.toUpperCase(),
  currency_code: "eur",
  issue_date: at(issue),
  due_date: null,
  total,
  ...extra,
})
const pay = (id: string, invoiceId: string, day: string, amount: number | string): LedgerPayment => ({
  id,
  invoice_id: invoiceId,
  amount,
  paid_at: at(day),
  method: "cash",
})
/** Amounts as numbers, to compare whole sections at a glance. */
const figures = (s: StatementSection) => ({
  currency: s.currency_code,
  opening: s.opening_balance.numeric,
  entries: s.entries.map((e) => [e.kind, e.id, e.debit?.numeric ?? null, e.credit?.numeric ?? null, e.balance.numeric]),
  debits: s.total_debits.numeric,
  credits: s.total_credits.numeric,
  closing: s.closing_balance.numeric,
  ageing: Object.fromEntries(Object.entries(s.ageing).map(([k, v]) => [k, v.numeric])),
})

describe("statement of account", () => {
  const period = { from: "2026-03-01", to: "2026-03-31" }

  it("carries everything before `from` into the opening balance and lists the period with a running balance", () => {
    const statement = computeStatement(
      {
        invoices: [inv("a", "2026-02-10", 100), inv("b", "2026-03-05", 50), inv("c", "2026-04-02", 999)],
        payments: [pay("p1", "a", "2026-02-20", 30), pay("p2", "a", "2026-03-10", 70), pay("p3", "b", "2026-04-03", 50)],
      },
      period
    )
    expect(statement.sections.map(figures)).toEqual([
      {
        currency: "eur",
        opening: 70,
        entries: [
          ["invoice", "b", 50, null, 120],
          ["payment", "p2", null, 70, 50],
        ],
        debits: 50,
        credits: 70,
        closing: 50,
        ageing: { current: 50, days_1_30: 0, days_31_60: 0, days_61_90: 0, days_over_90: 0, total: 50 },
      },
    ])
  })

  it("counts the first and last day of the period in it (UTC calendar days)", () => {
    const s = computeStatement(
      {
        invoices: [
          inv("before", "2026-02-28", 1, { issue_date: new Date("2026-02-28T23:59:59.999Z") }),
          inv("first", "2026-03-01", 2, { issue_date: new Date("2026-03-01T00:00:00.000Z") }),
          inv("last", "2026-03-31", 4, { issue_date: new Date("2026-03-31T23:59:59.999Z") }),
          inv("after", "2026-04-01", 8, { issue_date: new Date("2026-04-01T00:00:00.000Z") }),
        ],
        payments: [],
      },
      period
    ).sections[0]
    expect(s.opening_balance.numeric).toBe(1)
    expect(s.entries.map((e) => e.id)).toEqual(["first", "last"])
    expect(s.closing_balance.numeric).toBe(7)
  })

  it("adds 0.1 + 0.2 to exactly 0.3 and keeps 3 × 19.99 exact", () => {
    const s = computeStatement(
      { invoices: [inv("a", "2026-03-02", "0.1"), inv("b", "2026-03-03", 0.2), inv("c", "2026-03-04", 59.97)], payments: [pay("p", "c", "2026-03-05", 19.99)] },
      period
    ).sections[0]
    expect(0.1 + 0.2).not.toBe(0.3)
    expect(s.total_debits.numeric).toBe(60.27)
    expect(s.entries[1].balance.numeric).toBe(0.3)
    expect(s.closing_balance.numeric).toBe(40.28)
    expect(s.ageing.total.numeric).toBe(40.28)
  })

  it("gives each currency its own section, in code order, never mixing amounts", () => {
    const s = computeStatement(
      {
        invoices: [inv("u", "2026-03-02", 10, { currency_code: "usd" }), inv("e", "2026-03-02", 20), inv("j", "2026-03-02", 1500, { currency_code: "jpy" })],
        payments: [pay("pu", "u", "2026-03-03", 4)],
      },
      period
    ).sections
    expect(s.map((x) => [x.currency_code, x.closing_balance.numeric])).toEqual([
      ["eur", 20],
      ["jpy", 1500],
      ["usd", 6],
    ])
  })

  it("ignores payments of invoices it was not given (void, draft, another customer's)", () => {
    const s = computeStatement({ invoices: [inv("a", "2026-03-02", 10)], payments: [pay("x", "void-invoice", "2026-03-03", 99)] }, period)
    expect(s.sections[0].total_credits.numeric).toBe(0)
    expect(s.sections[0].closing_balance.numeric).toBe(10)
  })

  it("leaves out a currency with nothing in the period and nothing carried forward", () => {
    const s = computeStatement(
      { invoices: [inv("old", "2025-01-02", 10, { currency_code: "usd" }), inv("a", "2026-03-02", 5)], payments: [pay("p", "old", "2025-01-03", 10)] },
      period
    )
    expect(s.sections.map((x) => x.currency_code)).toEqual(["eur"])
  })

  it("shows a refund as a debit that reopens the invoice", () => {
    const s = computeStatement(
      {
        invoices: [inv("a", "2026-03-02", 100)],
        payments: [pay("p", "a", "2026-03-03", 100)],
        refunds: [{ id: "r", invoice_id: "a", amount: "25.5", refunded_at: at("2026-03-04") }],
      },
      period
    ).sections[0]
    expect(figures(s).entries).toEqual([
      ["invoice", "a", 100, null, 100],
      ["payment", "p", null, 100, 0],
      ["refund", "r", 25.5, null, 25.5],
    ])
    expect(s.total_debits.numeric).toBe(125.5)
    expect(s.closing_balance.numeric).toBe(25.5)
  })

  it("ages what is open at `to`, counting payments up to `to` only", () => {
    const s = computeStatement(
      {
        invoices: [
          inv("due-later", "2026-03-01", 1, { due_date: at("2026-04-15") }),
          inv("due-on-to", "2026-03-01", 2, { due_date: at("2026-03-31", "00:00:00") }),
          inv("d1", "2026-01-01", 4, { due_date: at("2026-03-30") }),
          inv("d30", "2026-01-01", 8, { due_date: at("2026-03-01") }),
          inv("d31", "2026-01-01", 16, { due_date: at("2026-02-28") }),
          inv("d60", "2026-01-01", 32, { due_date: at("2026-01-30") }),
          inv("d61", "2026-01-01", 64, { due_date: at("2026-01-29") }),
          inv("d90", "2025-12-01", 128, { due_date: at("2025-12-31") }),
          inv("d91", "2025-12-01", 256, { due_date: at("2025-12-30") }),
          inv("no-due", "2025-01-01", 512),
          // Paid after `to`: still open at `to`, in its bucket.
          inv("paid-later", "2026-01-01", 1024, { due_date: at("2026-03-20") }),
          // Overpaid: a credit, never past due.
          inv("over", "2026-01-01", 10, { due_date: at("2026-01-02") }),
        ],
        payments: [pay("p-later", "paid-later", "2026-04-01", 1024), pay("p-over", "over", "2026-01-03", 12)],
      },
      period
    ).sections[0]
    expect(figures(s).ageing).toEqual({
      current: 1 + 2 + 512 - 2,
      days_1_30: 4 + 8 + 1024,
      days_31_60: 16 + 32,
      days_61_90: 64 + 128,
      days_over_90: 256,
      total: 1 + 2 + 4 + 8 + 16 + 32 + 64 + 128 + 256 + 512 + 1024 - 2,
    })
    expect(s.ageing.total.numeric).toBe(s.closing_balance.numeric)
  })

  it("puts the bucket edges where the brief says: 0 current, 1, 30, 31, 60, 61, 90, 91", () => {
    const due = at("2026-01-01", "00:00:00")
    const asOf = (days: number) => new Date(due.getTime() + days * 86_400_000).toISOString().slice(0, 10)
    expect([-1, 0, 1, 30, 31, 60, 61, 90, 91].map((d) => [d, daysPastDue(due, asOf(d)), ageingBucket(due, asOf(d), 1)])).toEqual([
      [-1, -1, "current"],
      [0, 0, "current"],
      [1, 1, "days_1_30"],
      [30, 30, "days_1_30"],
      [31, 31, "days_31_60"],
      [60, 60, "days_31_60"],
      [61, 61, "days_61_90"],
      [90, 90, "days_61_90"],
      [91, 91, "days_over_90"],
    ])
    expect(ageingBucket(null, "2030-01-01", 1)).toBe("current")
  })

  it("is empty for a customer with nothing", () => {
    expect(computeStatement({ invoices: [], payments: [] }, period).sections).toEqual([])
  })

  describe("periods", () => {
    const today = new Date("2026-12-02T10:00:00Z")
    it("defaults to the last 90 days, today included", () => {
      expect(defaultStatementPeriod(today)).toEqual({ from: "2026-09-04", to: "2026-12-02" })
    })
    it("refuses from after to, more than 5 years, and a future end, saying what to do", () => {
      expect(whyNotStatementPeriod({ from: "2026-03-02", to: "2026-03-01" }, today)).toMatch(/swap the two dates/)
      expect(whyNotStatementPeriod({ from: "2021-03-01", to: "2026-03-01" }, today)).toBeNull()
      expect(whyNotStatementPeriod({ from: "2021-02-28", to: "2026-03-01" }, today)).toMatch(/at most 5 years; choose a from date on or after 2021-03-01/)
      expect(whyNotStatementPeriod({ from: "2026-12-01", to: "2026-12-03" }, today)).toBeNull() // a day ahead: east of UTC
      expect(whyNotStatementPeriod({ from: "2026-12-01", to: "2026-12-04" }, today)).toMatch(/in the future/)
      expect(whyNotStatementPeriod({ from: "2026-03-01", to: "2026-03-01" }, today)).toBeNull()
    })
  })
})
