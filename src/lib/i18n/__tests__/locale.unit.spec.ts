import { localeFromAcceptLanguage, resolveLocale, supportedLocale } from "../locale"

describe("resolveLocale", () => {
  it("takes the customer's own choice over the browser and the shop", () => {
    expect(resolveLocale({ customerLocale: "es", acceptLanguage: "en-US,en;q=0.9", shopDefault: "en" })).toBe("es")
    expect(resolveLocale({ customerLocale: "en", acceptLanguage: "es", shopDefault: "es" })).toBe("en")
  })

  it("falls back to the browser's language when the customer chose none", () => {
    expect(resolveLocale({ customerLocale: null, acceptLanguage: "es-MX,es;q=0.9,en;q=0.8", shopDefault: "en" })).toBe("es")
  })

  it("falls back to the shop default when the browser asks for nothing the portal speaks", () => {
    expect(resolveLocale({ acceptLanguage: "de-DE,fr;q=0.5", shopDefault: "es" })).toBe("es")
    expect(resolveLocale({ shopDefault: "es" })).toBe("es")
  })

  it("ends in English when nothing names a shipped language", () => {
    expect(resolveLocale({})).toBe("en")
    expect(resolveLocale({ customerLocale: "xx", acceptLanguage: "*", shopDefault: "de" })).toBe("en")
  })

  it("ignores a stored choice the catalogs do not ship", () => {
    expect(resolveLocale({ customerLocale: "fr", acceptLanguage: "es" })).toBe("es")
  })
})

describe("localeFromAcceptLanguage", () => {
  it("picks the highest weight, then the first listed", () => {
    expect(localeFromAcceptLanguage("en;q=0.4, es;q=0.8")).toBe("es")
    expect(localeFromAcceptLanguage("es, en")).toBe("es")
    expect(localeFromAcceptLanguage("en, es")).toBe("en")
  })

  it("treats q=0 as a refusal and skips languages it does not ship", () => {
    expect(localeFromAcceptLanguage("es;q=0, en;q=0.1")).toBe("en")
    expect(localeFromAcceptLanguage("de, es-419;q=0.5")).toBe("es")
    expect(localeFromAcceptLanguage("de, fr")).toBeNull()
  })

  it("survives junk", () => {
    expect(localeFromAcceptLanguage("")).toBeNull()
    expect(localeFromAcceptLanguage(undefined)).toBeNull()
    expect(localeFromAcceptLanguage(";;;,,q=abc")).toBeNull()
    expect(localeFromAcceptLanguage("es;q=banana")).toBeNull()
  })
})

describe("supportedLocale", () => {
  it("reduces a tag to a shipped language", () => {
    expect(supportedLocale("ES")).toBe("es")
    expect(supportedLocale("es_ES")).toBe("es")
    expect(supportedLocale("en-GB")).toBe("en")
    expect(supportedLocale("pt-BR")).toBeNull()
    expect(supportedLocale(42)).toBeNull()
  })
})
