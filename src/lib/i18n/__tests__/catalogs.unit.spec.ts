import fs from "fs"
import path from "path"
import { INVOICE_STATUS_LABELS, ESTIMATE_STATUS_LABELS } from "../../status"
import { PAYMENT_METHOD_LABELS } from "../../payment-methods"
import { AGEING_BUCKETS } from "../../statement"
import { PORTAL_REFUSAL_STATUS } from "../../../api/utils/portal-auth"
import { SUPPORTED_LOCALES, type PortalLocale } from "../locale"
import { CATALOGS, hasKey } from "../translate"

const SRC = path.join(__dirname, "..", "..", "..")
const PLURAL = /_(zero|one|two|few|many|other)$/

/** Every leaf of a catalog as a dotted key. */
function leaves(tree: Record<string, unknown>, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    value && typeof value === "object" ? leaves(value as Record<string, unknown>, `${prefix}${key}.`) : [`${prefix}${key}`]
  )
}

function files(dir: string, pattern: RegExp): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) {
      return entry.name === "__tests__" || entry.name === "admin" ? [] : files(full, pattern)
    }
    return pattern.test(entry.name) ? [full] : []
  })
}

describe("the catalogs", () => {
  const keysOf = (locale: PortalLocale) => new Set(leaves(CATALOGS[locale]).map((key) => key.replace(PLURAL, "")))

  it.each(SUPPORTED_LOCALES.filter((l) => l !== "en"))("%s has every English key, and no other", (locale) => {
    const en = keysOf("en")
    const other = keysOf(locale)
    expect([...en].filter((key) => !other.has(key))).toEqual([])
    expect([...other].filter((key) => !en.has(key))).toEqual([])
  })

  it.each(SUPPORTED_LOCALES)("%s has every plural form its language needs", (locale) => {
    const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories
    const flat = new Set(leaves(CATALOGS[locale]))
    const plurals = new Set([...flat].filter((key) => PLURAL.test(key)).map((key) => key.replace(PLURAL, "")))
    const missing = [...plurals].flatMap((base) => categories.map((c) => `${base}_${c}`).filter((key) => !flat.has(key)))
    expect(missing).toEqual([])
  })

  it.each(SUPPORTED_LOCALES)("%s has no empty message", (locale) => {
    const flat = leaves(CATALOGS[locale])
    const get = (key: string) => key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], CATALOGS[locale])
    expect(flat.filter((key) => typeof get(key) !== "string" || !(get(key) as string).trim())).toEqual([])
  })

  it("holds every key the templates and the code ask for", () => {
    const used = new Set<string>()
    // t("page.x.y") in templates and code, and keys kept in tables ("msg.decided.accepted").
    const literal = /["'`]((?:page|msg|email|refusal|status|payment_method|pdf|error)\.[a-z0-9_]+(?:\.[a-z0-9_]+)*)["'`]/g
    for (const file of [...files(path.join(SRC, "templates"), /\.njk$/), ...files(SRC, /\.ts$/)]) {
      for (const match of fs.readFileSync(file, "utf8").matchAll(literal)) {
        used.add(match[1])
      }
    }
    // Keys built from a value: every value they can take.
    for (const status of Object.keys(INVOICE_STATUS_LABELS)) used.add(`status.invoice.${status}`)
    for (const status of Object.keys(ESTIMATE_STATUS_LABELS)) used.add(`status.estimate.${status}`)
    for (const method of Object.keys(PAYMENT_METHOD_LABELS)) used.add(`payment_method.${method}`)
    for (const reason of Object.keys(PORTAL_REFUSAL_STATUS)) {
      used.add(`refusal.${reason}.title`)
      used.add(`refusal.${reason}.message`)
    }
    for (const reason of ["portal_disabled", "access_disabled", "account_closed"]) {
      used.add(`refusal.${reason}.paragraph`)
      used.add(`refusal.${reason}.contact_why`)
    }
    for (const section of ["invoices", "estimates", "payments", "profile", "history"]) used.add(`msg.section_off.${section}`)
    for (const state of ["unknown", "expired", "revoked"]) {
      used.add(`msg.link.${state}_title`)
      used.add(`msg.link.${state}_body`)
    }
    for (const field of ["first_name", "last_name", "company_name", "phone", "address_1", "address_2", "city", "postal_code", "province", "country_code"]) {
      used.add(`page.profile.${field}`)
    }
    for (const kind of ["invoice", "payment", "refund"]) {
      used.add(`page.statement.kind.${kind}`)
      used.add(`page.statement.kind_label.${kind}`)
    }
    for (const bucket of AGEING_BUCKETS) used.add(`page.statement.bucket.${bucket}`)
    expect(used.size).toBeGreaterThan(100)
    const missing = [...used].flatMap((key) => SUPPORTED_LOCALES.filter((locale) => !hasKey(locale, key)).map((locale) => `${locale}: ${key}`))
    expect(missing).toEqual([])
  })
})
