import { renderPage } from "../render"
import { buildPager } from "../pager"

const base = { path: "/portal/invoices", defaultLimit: 20 }

describe("buildPager", () => {
  it("shows no pager when everything fits on one page", () => {
    expect(buildPager({ ...base, count: 20, limit: 20, offset: 0 })).toBeNull()
    expect(buildPager({ ...base, count: 0, limit: 20, offset: 0 })).toBeNull()
  })

  it("links the pages of a long list, keeping the filter and a non-default page size", () => {
    expect(buildPager({ ...base, count: 21, limit: 20, offset: 0 })).toEqual({
      from: 1,
      to: 20,
      count: 21,
      previous_url: null,
      next_url: "/portal/invoices?offset=20",
      past_end: false,
    })
    expect(buildPager({ ...base, count: 5, limit: 2, offset: 2, params: { status: "paid" } })).toEqual({
      from: 3,
      to: 4,
      count: 5,
      previous_url: "/portal/invoices?status=paid&limit=2",
      next_url: "/portal/invoices?status=paid&limit=2&offset=4",
      past_end: false,
    })
    expect(buildPager({ ...base, count: 5, limit: 2, offset: 4 })).toMatchObject({ from: 5, to: 5, next_url: null })
  })

  it("sends a page past the end back to the last page", () => {
    expect(buildPager({ ...base, count: 5, limit: 2, offset: 40 })).toEqual({
      from: 0,
      to: 0,
      count: 5,
      previous_url: "/portal/invoices?limit=2&offset=4",
      next_url: null,
      past_end: true,
    })
    expect(buildPager({ ...base, count: 0, limit: 20, offset: 20 })).toMatchObject({ past_end: true, previous_url: "/portal/invoices" })
  })

  it("renders a list page with more rows than one page (the template once called missing filters)", () => {
    const pager = buildPager({ ...base, count: 21, limit: 20, offset: 0 })
    const html = renderPage("invoices.html.njk", { invoices: [{ id: "inv_1", number: "INV-1", total: 1, currency_code: "eur" }], filters: [], status: "", pager })
    expect(html).toContain("1–20 of 21")
    expect(html).toContain('href="/portal/invoices?offset=20"')
  })
})
