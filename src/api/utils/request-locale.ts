import type { MedusaRequest } from "@medusajs/framework/http"
import { type PortalLocale, resolveLocale, supportedLocale, type Translate, translator } from "../../lib/i18n"
import { requestSettings } from "./request-settings"

const CUSTOMER_LOCALE = Symbol("the signed-in customer's chosen language")

type WithLocale = MedusaRequest & { [CUSTOMER_LOCALE]?: string | null }

/** The session check read the customer's chosen language with its rules (one statement): kept for this request. */
export function rememberCustomerLocale(req: MedusaRequest, locale: string | null | undefined) {
  ;(req as WithLocale)[CUSTOMER_LOCALE] = locale ?? null
}

/** The signed-in customer's own choice (null: none), as the session check read it. */
export function requestCustomerLocale(req: MedusaRequest): PortalLocale | null {
  return supportedLocale((req as WithLocale)[CUSTOMER_LOCALE])
}

/**
 * The language of this request's answer (lib/i18n `resolveLocale`): the signed-in customer's
 * choice, their browser's Accept-Language, the shop default. Costs no query: the settings and the
 * customer's choice were read by the session check (or the settings once, when signed out).
 */
export async function requestLocale(req: MedusaRequest): Promise<PortalLocale> {
  const settings = await requestSettings(req)
  return resolveLocale({
    customerLocale: (req as WithLocale)[CUSTOMER_LOCALE],
    acceptLanguage: req.headers?.["accept-language"],
    shopDefault: (settings as { default_locale?: string | null }).default_locale,
  })
}

/** `t(key, params)` in this request's language. */
export async function requestT(req: MedusaRequest): Promise<Translate> {
  return translator(await requestLocale(req))
}
