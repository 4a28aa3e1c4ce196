import {
  carriedNext,
  documentPagePath,
  formPagePath,
  isSafePortalNext,
  MAX_NEXT_LENGTH,
  safePortalNext,
  withNext,
} from "../portal-next"

describe("safePortalNext", () => {
  it.each([
    "/portal",
    "/portal/invoices",
    "/portal/invoices/inv_01JABCDEF0123456789XYZ",
    "/portal/estimates",
    "/portal/estimates/est_01JABCDEF",
    "/portal/profile",
    "/portal/history",
    "/portal/statement",
  ])("lands on the known page %p", (path) => {
    expect(safePortalNext(path)).toBe(path)
    expect(isSafePortalNext(path)).toBe(true)
  })

  it.each([
    ["another site, protocol-relative", "//evil.com"],
    ["another site, protocol-relative under /portal", "//evil.com/portal"],
    ["a backslash browsers read as a slash", "/\\evil.com"],
    ["a backslash inside the path", "/portal\\invoices"],
    ["an absolute URL", "https://evil.com/portal"],
    ["an absolute URL of the portal's own shape", "https://evil.com/portal/invoices/inv_1"],
    ["a javascript: URL", "javascript:alert(1)"],
    ["a data: URL", "data:text/html,<script>alert(1)</script>"],
    ["a dot-dot escape", "/portal/../admin"],
    ["a dot-dot id", "/portal/invoices/.."],
    ["an encoded dot-dot", "/portal/invoices/%2e%2e/%2e%2e/admin"],
    ["an encoded slash", "/portal/invoices/inv_1%2F..%2F..%2Fadmin"],
    ["an encoded protocol-relative start", "%2F%2Fevil.com"],
    ["a double-encoded slash", "/portal/invoices/%252F"],
    ["a tab and newline", "/portal/invoices/inv_1\n//evil.com"],
    ["a NUL", "/portal/invoices/inv_1\u0000"],
    ["leading whitespace", " /portal"],
    ["a query", "/portal/invoices?status=overdue"],
    ["a fragment", "/portal/invoices/inv_1#x"],
    ["an admin path", "/admin/invoices"],
    ["a store path", "/store/portal/invoices"],
    ["a path merely starting with /portal", "/portalevil"],
    ["a trailing slash", "/portal/"],
    ["a deeper path", "/portal/invoices/inv_1/pdf"],
    ["a form action", "/portal/estimates/est_1/accept"],
    ["the link page", "/portal/access/abc"],
    ["the logout action", "/portal/logout"],
    ["an empty string", ""],
    ["a relative path", "portal/invoices"],
    ["a unicode slash look-alike", "/portal/invoices/inv\u2215evil"],
  ])("falls back to /portal for %s", (_label, value) => {
    expect(safePortalNext(value)).toBe("/portal")
    expect(isSafePortalNext(value)).toBe(false)
  })

  it("refuses very long input without matching it", () => {
    const long = `/portal/invoices/${"a".repeat(MAX_NEXT_LENGTH)}`
    expect(safePortalNext(long)).toBe("/portal")
    expect(safePortalNext("/portal/invoices/" + "x".repeat(100_000))).toBe("/portal")
  })

  it.each([undefined, null, 42, ["/portal/invoices"], { toString: () => "/portal/invoices" }])(
    "falls back to /portal for a non-string %p (a query parser may give arrays or objects)",
    (value) => {
      expect(safePortalNext(value)).toBe("/portal")
    }
  )
})

describe("carrying next along", () => {
  it("carries a page other than home, and nothing for home or an unsafe value", () => {
    expect(carriedNext("/portal/invoices/inv_1")).toBe("/portal/invoices/inv_1")
    expect(carriedNext("/portal")).toBeNull()
    expect(carriedNext("//evil.com")).toBeNull()
  })

  it("appends an encoded next to a URL only when it is worth carrying", () => {
    expect(withNext("https://shop.example/portal/access/tok", "/portal/invoices/inv_1")).toBe(
      "https://shop.example/portal/access/tok?next=%2Fportal%2Finvoices%2Finv_1"
    )
    expect(withNext("/portal/login?x=1", "/portal/history")).toBe("/portal/login?x=1&next=%2Fportal%2Fhistory")
    expect(withNext("/portal/login", "/portal")).toBe("/portal/login")
    expect(withNext("/portal/login", "https://evil.com")).toBe("/portal/login")
    expect(withNext("/portal/login", undefined)).toBe("/portal/login")
  })

  it("names an invoice's or estimate's page", () => {
    expect(documentPagePath({ type: "invoice", id: "inv_1" })).toBe("/portal/invoices/inv_1")
    expect(documentPagePath({ type: "estimate", id: "est_1" })).toBe("/portal/estimates/est_1")
    expect(documentPagePath(null)).toBeNull()
    expect(documentPagePath({ type: "invoice", id: "../../admin" })).toBeNull()
  })

  it("finds the page a form was posted from", () => {
    expect(formPagePath("/portal/estimates/est_1/accept")).toBe("/portal/estimates/est_1")
    expect(formPagePath("/portal/estimates/est_1/reject")).toBe("/portal/estimates/est_1")
    expect(formPagePath("/portal/invoices/inv_1/pay")).toBe("/portal/invoices/inv_1")
    expect(formPagePath("/portal/profile")).toBe("/portal/profile")
    expect(formPagePath("/portal/logout")).toBe("/portal")
    expect(formPagePath("/portal/nope/accept")).toBe("/portal")
  })
})
