import { allocateOldestFirst, batchAmountDue, oldestFirst } from "../batch-allocation"

const inv = (id: string, amount_due: number | string, over: Record<string, unknown> = {}) => ({
  id,
  amount_due,
  issue_date: "2026-01-01",
  due_date: "2026-02-01",
  display_number: id.toUpperCase(),
  ...over,
})
const shares = (r: ReturnType<typeof allocateOldestFirst>) => r.allocations.map((a) => [a.invoice_id, a.amount.numeric])

describe("oldestFirst", () => {
  it("orders by due date, then issue date, then number read as a number", () => {
    const ordered = oldestFirst([
      inv("c", 1, { due_date: "2026-03-01" }),
      inv("b", 1, { issue_date: "2026-01-05" }),
      inv("x", 1, { display_number: "INV-10" }),
      inv("y", 1, { display_number: "INV-9" }),
    ])
    expect(ordered.map((i) => i.id)).toEqual(["y", "x", "b", "c"])
  })

  it("treats an invoice without a due date as due on its issue date", () => {
    const ordered = oldestFirst([inv("later", 1, { due_date: "2026-01-10" }), inv("receipt", 1, { due_date: null, issue_date: "2026-01-02" })])
    expect(ordered.map((i) => i.id)).toEqual(["receipt", "later"])
  })
})

describe("allocateOldestFirst", () => {
  const set = [inv("new", 30, { due_date: "2026-03-01" }), inv("old", 20.5, { due_date: "2026-01-15" }), inv("mid", 10, { due_date: "2026-02-01" })]

  it("settles every invoice when the amount is their sum", () => {
    const result = allocateOldestFirst(set, 60.5, "eur")
    expect(shares(result)).toEqual([["old", 20.5], ["mid", 10], ["new", 30]])
    expect(result.unallocated.numeric).toBe(0)
  })

  it("leaves the later invoices partly paid or unpaid when the amount covers only part of the set", () => {
    expect(shares(allocateOldestFirst(set, 25, "eur"))).toEqual([["old", 20.5], ["mid", 4.5]])
    expect(shares(allocateOldestFirst(set, 20.5, "eur"))).toEqual([["old", 20.5]])
  })

  it("keeps what no invoice can take apart, so it is refunded, never recorded", () => {
    const changed = [inv("old", 0), inv("mid", 5)]
    const result = allocateOldestFirst(changed, 15.25, "eur")
    expect(shares(result)).toEqual([["mid", 5]])
    expect(result.unallocated.numeric).toBe(15.25 - 5)
  })

  it("adds decimals exactly (BigNumber, no float drift)", () => {
    const result = allocateOldestFirst([inv("a", 0.1), inv("b", 0.2, { due_date: "2026-02-02" })], 0.3, "usd")
    expect(shares(result)).toEqual([["a", 0.1], ["b", 0.2]])
    expect(result.unallocated.numeric).toBe(0)
    expect(batchAmountDue([{ amount_due: 0.1 }, { amount_due: 0.2 }], "usd").numeric).toBe(0.3)
  })

  it("never allocates below the currency's minor unit", () => {
    // JPY has no decimals: a fraction of a yen is not money received.
    const result = allocateOldestFirst([inv("a", 1000)], 999.9, "jpy")
    expect(shares(result)).toEqual([["a", 999]])
    expect(result.unallocated.numeric).toBe(0)
    expect(shares(allocateOldestFirst([inv("a", 10.005)], 20, "kwd"))).toEqual([["a", 10.005]])
  })

  it("allocates nothing for nothing, and ignores negative amounts", () => {
    expect(allocateOldestFirst(set, 0, "eur")).toEqual({ allocations: [], unallocated: expect.objectContaining({ numeric: 0 }) })
    expect(allocateOldestFirst(set, -5, "eur").allocations).toEqual([])
  })
})
