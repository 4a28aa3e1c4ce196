import { formatAddress, formatDate, formatMoney } from "../format"
import { translator } from "../translate"

describe("formatting by language", () => {
  const date = new Date("2026-03-04T12:00:00Z")

  it("keeps English exactly as the portal always printed it", () => {
    expect(formatDate(date, "en")).toBe("Mar 4, 2026")
    expect(formatMoney(1234.5, "usd", "en")).toBe("$1,234.50")
  })

  it("formats dates and money the Spanish way", () => {
    expect(formatDate(date, "es")).toBe("4 mar 2026")
    expect(formatDate(date, "es", "long")).toBe("4 de marzo de 2026")
    expect(formatMoney(1234.5, "eur", "es")).toBe("1234,50\u00a0€")
    expect(formatMoney(12345.5, "eur", "es")).toBe("12.345,50\u00a0€")
    expect(formatMoney(null, "eur", "es")).toBe("")
  })

  it("names the country in the reader's language", () => {
    const address = { address_1: "Calle Mayor 1", city: "Madrid", postal_code: "28013", country_code: "es" }
    expect(formatAddress(address, "en")).toEqual(["Calle Mayor 1", "28013 Madrid", "Spain"])
    expect(formatAddress(address, "es")).toEqual(["Calle Mayor 1", "28013 Madrid", "España"])
  })
})

describe("translator", () => {
  it("interpolates and pluralises per language", () => {
    expect(translator("en")("page.home.review", { count: 1 })).toBe("Review 1 estimate")
    expect(translator("en")("page.home.review", { count: 3 })).toBe("Review 3 estimates")
    expect(translator("es")("page.home.review", { count: 1 })).toBe("Revisar 1 presupuesto")
    expect(translator("es")("page.home.review", { count: 3 })).toBe("Revisar 3 presupuestos")
  })

  it("does not escape values (the templates' autoescape does, once)", () => {
    expect(translator("en")("page.home.welcome", { business: "A & B" })).toBe("Welcome to your portal at A & B.")
  })

  it("speaks English for a language it does not ship", () => {
    expect(translator("fr")("page.nav.home")).toBe("Home")
  })
})
