import { nextRevision, revisedValidUntil, throwIfAlreadyRevised } from "../estimate-revision"

describe("nextRevision", () => {
  it("adds -2 to a first estimate's number", () => {
    expect(nextRevision({ display_number: "EST-0007", revision: 1 })).toEqual({ display_number: "EST-0007-2", revision: 2 })
  })

  it("counts on from a revision instead of stacking suffixes", () => {
    expect(nextRevision({ display_number: "EST-0007-2", revision: 2 })).toEqual({ display_number: "EST-0007-3", revision: 3 })
    expect(nextRevision({ display_number: "EST-0007-9", revision: 9 })).toEqual({ display_number: "EST-0007-10", revision: 10 })
    expect(nextRevision({ display_number: "EST-0007-10", revision: 10 })).toEqual({ display_number: "EST-0007-11", revision: 11 })
  })

  it("keeps a prefix that ends in digits whole", () => {
    expect(nextRevision({ display_number: "Q-2026-0012", revision: 1 })).toEqual({ display_number: "Q-2026-0012-2", revision: 2 })
    expect(nextRevision({ display_number: "Q-2026-0012-2", revision: 2 })).toEqual({ display_number: "Q-2026-0012-3", revision: 3 })
  })

  it("refuses an estimate without a number, and a number that does not match its version", () => {
    expect(() => nextRevision({ display_number: null, revision: 1 })).toThrow(/sent/)
    expect(() => nextRevision({ display_number: "EST-0007", revision: 2 })).toThrow(/does not end in "-2"/)
    expect(() => nextRevision({ display_number: "-2", revision: 2 })).toThrow(/does not end/)
    expect(() => nextRevision({ display_number: "EST-0007", revision: 0 })).toThrow(/positive integer/)
  })
})

describe("throwIfAlreadyRevised", () => {
  it("lets the latest estimate of a chain be revised", () => {
    expect(() => throwIfAlreadyRevised({ id: "est_1", display_number: "EST-0007" }, null)).not.toThrow()
  })

  it("names the newer revision in a conflict", () => {
    expect(() =>
      throwIfAlreadyRevised({ id: "est_1", display_number: "EST-0007" }, { id: "est_2", display_number: "EST-0007-2" })
    ).toThrow(expect.objectContaining({ type: "conflict", message: expect.stringContaining("already revised as EST-0007-2") }))
  })
})

describe("revisedValidUntil", () => {
  const today = new Date("2026-12-02T10:00:00Z")

  it("gives the revision as many days as the original had, from today", () => {
    const original = { issue_date: "2026-10-01T10:00:00Z", valid_until: "2026-10-31T10:00:00Z" }
    expect(revisedValidUntil(original, today)).toEqual(new Date("2027-01-01T10:00:00Z"))
  })

  it("keeps an open-ended original open-ended", () => {
    expect(revisedValidUntil({ issue_date: "2026-10-01T10:00:00Z", valid_until: null }, today)).toBeNull()
  })
})
