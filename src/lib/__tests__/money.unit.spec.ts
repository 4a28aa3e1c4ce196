import { MedusaError } from "@medusajs/framework/utils"
import {
  computeDocumentAmounts,
  computeLineAmounts,
  currencyDecimals,
  isKnownCurrency,
  openAmount,
  parseAmount,
} from "../money"


describe("money", () => {
  it("multiplies 3 × 19.99 to exactly 59.97 (no float drift)", () => {
    const line = computeLineAmounts({ quantity: 3, unit_price: 19.99 }, "usd")
    expect(line.subtotal.numeric).toBe(59.97)
    expect(line.total.numeric).toBe(59.97)
  })

  it("adds 0.1 + 0.2 lines to exactly 0.3", () => {
    expect(0.1 + 0.2).not.toBe(0.3) // the float trap these helpers exist for
    const doc = computeDocumentAmounts(
      [
        { quantity: 1, unit_price: 0.1 },
        { quantity: 1, unit_price: 0.2 },
      ],
      "eur"
    )
    expect(doc.total.numeric).toBe(0.3)
  })

  it("rounds each line's tax half-up to the currency precision", () => {
    // 33.33 × 20 % = 6.666 → 6.67
    const line = computeLineAmounts({ quantity: 1, unit_price: 33.33, tax_rate: 20 }, "eur")
    expect(line.tax_total.numeric).toBe(6.67)
    expect(line.total.numeric).toBe(40)
  })

  it("rounds fractional quantities to the currency precision", () => {
    const line = computeLineAmounts({ quantity: 1.5, unit_price: 33.333 }, "usd")
    expect(line.subtotal.numeric).toBe(50)
  })

  it("uses zero decimals for JPY", () => {
    expect(currencyDecimals("jpy")).toBe(0)
    const line = computeLineAmounts({ quantity: 3, unit_price: 333, tax_rate: 10 }, "jpy")
    expect(line.tax_total.numeric).toBe(100) // 99.9 → 100
  })

  it("sums document totals from line totals", () => {
    const doc = computeDocumentAmounts(
      [
        { quantity: 2, unit_price: "10.005", tax_rate: 0 },
        { quantity: "0.5", unit_price: 99.99, tax_rate: 8.25 },
      ],
      "usd"
    )
    expect(doc.lines.map((l) => l.subtotal.numeric)).toEqual([20.01, 50])
    expect(doc.subtotal.numeric).toBe(70.01)
    expect(doc.tax_total.numeric).toBe(4.13) // 50 × 8.25 % = 4.125 → 4.13
    expect(doc.total.numeric).toBe(74.14)
  })

  it("gives zero totals for a document without lines", () => {
    expect(computeDocumentAmounts([], "usd").total.numeric).toBe(0)
  })

  it("never reports a negative open amount", () => {
    expect(openAmount(10, 12).numeric).toBe(0)
    expect(openAmount("59.97", "20.01").numeric).toBe(39.96)
  })

  it("knows ISO currencies and refuses invented ones", () => {
    expect(isKnownCurrency("usd")).toBe(true)
    expect(isKnownCurrency("EUR")).toBe(true)
    expect(isKnownCurrency("xyz")).toBe(false)
    expect(isKnownCurrency(42)).toBe(false)
  })

  describe("parseAmount", () => {
    it("accepts numbers and numeric strings", () => {
      expect(parseAmount(19.99, "x").toNumber()).toBe(19.99)
      expect(parseAmount("0019.50", "x").toNumber()).toBe(19.5)
    })

    it.each([
      [NaN, "must be a number"],
      [Infinity, "must be a number"],
      ["1e5", "must be a number"],
      ["abc", "must be a number"],
      [null, "must be a number"],
      [-1, "must be at least 0"],
      [2e12, "must be at most"],
    ])("rejects %p with a message naming the field", (value, message) => {
      expect(() => parseAmount(value, "lines[0].unit_price")).toThrow(MedusaError)
      expect(() => parseAmount(value, "lines[0].unit_price")).toThrow(new RegExp(`lines\\[0\\]\\.unit_price ${message}`))
    })

    it("enforces an exclusive minimum and decimal places", () => {
      expect(() => parseAmount(0, "quantity", { exclusiveMin: true })).toThrow("quantity must be greater than 0")
      expect(() => parseAmount("1.234", "amount", { maxDecimals: 2 })).toThrow("more than 2 decimal places")
    })
  })
})
