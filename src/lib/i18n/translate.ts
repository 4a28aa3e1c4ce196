import i18next, { type TFunction } from "i18next"
import en from "./en.json"
import es from "./es.json"
import { DEFAULT_LOCALE, type PortalLocale, SUPPORTED_LOCALES, supportedLocale } from "./locale"

/** The catalogs, by language; every key of one exists in the other (catalogs.unit.spec). */
export const CATALOGS: Record<PortalLocale, Record<string, unknown>> = { en, es }

/*
 * One i18next instance for the process, initialised synchronously from the bundled catalogs
 * (no backend, no network). Values are not escaped here: nunjucks autoescapes the whole
 * translated string in HTML (interpolated customer data included), and plain text and PDFs
 * need it raw. Plurals follow Intl.PluralRules (`key_one`, `key_other`).
 */
const instance = i18next.createInstance()
void instance.init({
  resources: Object.fromEntries(SUPPORTED_LOCALES.map((locale) => [locale, { translation: CATALOGS[locale] }])),
  lng: DEFAULT_LOCALE,
  fallbackLng: DEFAULT_LOCALE,
  supportedLngs: [...SUPPORTED_LOCALES],
  initImmediate: false,
  returnNull: false,
  returnObjects: false,
  interpolation: { escapeValue: false },
})

export type Translate = (key: string, params?: Record<string, unknown>) => string

const translators = new Map<PortalLocale, Translate>()

/** `t(key, params)` for a language; the same function for every request in that language. */
export function translator(locale: string | null | undefined): Translate {
  const language = supportedLocale(locale) ?? DEFAULT_LOCALE
  let t = translators.get(language)
  if (!t) {
    const fixed: TFunction = instance.getFixedT(language)
    t = (key, params) => String(fixed(key, params ?? {}))
    translators.set(language, t)
  }
  return t
}

/**
 * Whether a key exists in a language itself, without falling back to English (the catalog tests
 * use it); a plural key exists when its forms do (`key_one`, `key_other`…).
 */
export function hasKey(locale: PortalLocale, key: string) {
  const found = (k: string) => typeof instance.getResource(locale, "translation", k) === "string"
  return found(key) || found(`${key}_other`)
}
