import { formatAddressLines } from "../address"

const springfield = { address_1: "1 Main St", address_2: "Suite 4", city: "Springfield", province: "IL", postal_code: "62701", country_code: "us" }

describe("formatAddressLines", () => {
  it("writes a US address as the post expects: city, state and ZIP on one line", () => {
    expect(formatAddressLines(springfield)).toEqual(["1 Main St", "Suite 4", "Springfield, IL 62701", "United States"])
  })

  it("puts a UK postcode on its own line", () => {
    expect(formatAddressLines({ address_1: "10 Downing St", city: "London", postal_code: "SW1A 2AA", country_code: "GB" })).toEqual([
      "10 Downing St",
      "London",
      "SW1A 2AA",
      "United Kingdom",
    ])
  })

  it("puts the postal code before the city elsewhere (Germany, France, …)", () => {
    expect(formatAddressLines({ address_1: "Unter den Linden 1", city: "Berlin", postal_code: "10117", country_code: "de" })).toEqual([
      "Unter den Linden 1",
      "10117 Berlin",
      "Germany",
    ])
  })

  it("leaves out what is missing, without stray commas", () => {
    expect(formatAddressLines({ city: "Springfield", country_code: "us" })).toEqual(["Springfield", "United States"])
    expect(formatAddressLines({ province: "IL", postal_code: "62701", country_code: "us" })).toEqual(["IL 62701", "United States"])
    expect(formatAddressLines({ address_1: "  ", city: "Paris" })).toEqual(["Paris"])
    expect(formatAddressLines(null)).toEqual([])
  })

  it("prints an unknown country code as it is", () => {
    expect(formatAddressLines({ city: "Somewhere", country_code: "zz" })).toEqual(["Somewhere", "ZZ"])
  })
})
