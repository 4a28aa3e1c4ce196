import { resolveLocale, type PortalLocale } from "../../lib/i18n"
import type PortalModuleService from "../../modules/portal/service"

/**
 * The language of what is sent to a customer without a request to read (emails, their PDFs):
 * lib/i18n `resolveLocale` with the customer's choice and the shop default (no browser to ask).
 */
export async function customerLocale(
  portal: PortalModuleService,
  customerId: string,
  shopDefault: string | null | undefined
): Promise<PortalLocale> {
  const [access] = await portal.listPortalAccesses({ customer_id: customerId }, { select: ["locale"], take: 1 })
  return resolveLocale({ customerLocale: access?.locale, shopDefault })
}
