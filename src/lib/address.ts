/**
 * A postal address as printed on a document, one line each, in the order the country's post
 * expects. A small table covers the common layouts; every other country gets the continental
 * European order ("75001 Paris"), which most of the world shares.
 */
export type PostalAddress = {
  address_1?: string | null
  address_2?: string | null
  city?: string | null
  province?: string | null
  postal_code?: string | null
  country_code?: string | null
}

type Parts = { city: string; province: string; postal: string }

/** The locality line(s) per country, from city, province and postal code. */
const LOCALITY: Record<string, (p: Parts) => string[]> = {
  // "Springfield, IL 62701"
  us: (p) => [joinSpace([p.city && p.province ? `${p.city},` : p.city, p.province, p.postal])],
  ca: (p) => [joinSpace([p.city && p.province ? `${p.city},` : p.city, p.province, p.postal])],
  // "Sydney NSW 2000"
  au: (p) => [joinSpace([p.city, p.province, p.postal])],
  // Town, then the postcode on its own line
  gb: (p) => [p.city, p.province, p.postal],
  ie: (p) => [p.city, p.province, p.postal],
}

const genericLocality = (p: Parts) => [joinSpace([p.postal, p.city]), p.province]

function joinSpace(parts: string[]) {
  return parts.filter(Boolean).join(" ")
}

const clean = (value: string | null | undefined) => (typeof value === "string" ? value.trim() : "")

const regionNames = new Map<string, Intl.DisplayNames>()

/** "United States" for "us" ("Estados Unidos" in "es"); the code itself when the runtime does not know it. */
export function countryName(code: string, language = "en"): string {
  let names = regionNames.get(language)
  if (!names) {
    names = new Intl.DisplayNames([language], { type: "region", fallback: "code" })
    regionNames.set(language, names)
  }
  try {
    const name = names.of(code.toUpperCase())
    // ICU names its "unknown" code ZZ "Unknown Region": the code says more on a letter.
    return name && name !== "Unknown Region" ? name : code.toUpperCase()
  } catch {
    return code.toUpperCase()
  }
}

export function formatAddressLines(
  address: PostalAddress | null | undefined,
  nameCountry: (code: string) => string = (code) => countryName(code)
): string[] {
  if (!address) {
    return []
  }
  const country = clean(address.country_code).toLowerCase()
  const parts = { city: clean(address.city), province: clean(address.province), postal: clean(address.postal_code) }
  const locality = (LOCALITY[country] ?? genericLocality)(parts)
  return [clean(address.address_1), clean(address.address_2), ...locality, country ? nameCountry(country) : ""].filter(Boolean)
}
