import { dateFilter, documentListParams } from "../document-validators"

describe("document list validators", () => {
  const dates = dateFilter()

  it("take ISO dates and date ranges", () => {
    expect(dates.parse("2026-12-01")).toEqual(new Date("2026-12-01"))
    expect(dates.parse({ $gt: "2026-12-01T09:30:00Z" })).toEqual({ $gt: new Date("2026-12-01T09:30:00Z") })
  })

  it("refuse what only JavaScript would read as a date, and unknown operators", () => {
    for (const value of ["'1'='1", "%' OR '1'='1", "1", "abc", { $ne: "2026-12-01" }, { $gt: "tomorrow" }]) {
      expect(dates.safeParse(value).success).toBe(false)
    }
  })

  it("refuse a negative offset and an order by anything but a sortable field", () => {
    const params = documentListParams(["draft", "sent"])
    expect(params.safeParse({ offset: "-1" }).success).toBe(false)
    expect(params.safeParse({ order: "_" }).success).toBe(false)
    expect(params.safeParse({ order: "-issue_date", offset: "20" }).success).toBe(true)
  })
})
