import { formatPageDate, formatPageMoney } from "../render"

// The filters keep one formatter per locale and currency: a reused one must never carry the
// previous call's currency or locale.
describe("page filters", () => {
  it("formats money per currency and locale, whatever was formatted before", () => {
    expect(formatPageMoney(1234.5, "usd")).toBe("$1,234.50")
    expect(formatPageMoney(1234.5, "eur")).toBe("€1,234.50")
    expect(formatPageMoney(1234.5, "eur", "de-DE")).toBe("1.234,50\u00a0€")
    expect(formatPageMoney(1234.5, "USD")).toBe("$1,234.50")
    expect(formatPageMoney(5, "jpy")).toBe("¥5")
    expect(formatPageMoney(null, "usd")).toBe("")
  })

  it("formats dates per locale, whatever was formatted before", () => {
    const date = "2026-03-04T12:00:00Z"
    expect(formatPageDate(date)).toBe("Mar 4, 2026")
    expect(formatPageDate(date, "de-DE")).toBe("04.03.2026")
    expect(formatPageDate(date)).toBe("Mar 4, 2026")
    expect(formatPageDate(null)).toBe("")
  })
})
