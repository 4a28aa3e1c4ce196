import { z } from "@medusajs/framework/zod"
import { localizeMessage } from "./i18n/error-messages"
import { SUPPORTED_LOCALES } from "./i18n/locale"
import type { Translate } from "./i18n/translate"
import { textInput } from "./text-input"

const regionNames = new Intl.DisplayNames(["en"], { type: "region" })
/** ISO 3166-1 alpha-2, as Medusa stores countries (lower-case). */
const isCountry = (code: string) => /^[a-z]{2}$/.test(code) && regionNames.of(code.toUpperCase()) !== code.toUpperCase()

const optional = (max: number, label: string) =>
  textInput(label, { max, trim: true })
    .transform((v) => (v === "" ? null : v))
    .nullish()

/**
 * What a customer may change of their own record in the portal: never the email (it is how the
 * business reaches them and how the portal finds them). Empty strings clear a field.
 */
export const PortalProfileInput = z
  .object({
    first_name: textInput("First name", { max: 100, trim: true }).min(1, "Enter your first name"),
    last_name: optional(100, "Last name"),
    company_name: optional(200, "Company"),
    phone: z
      .string()
      .trim()
      .max(40, "Phone must be at most 40 characters")
      .refine((v) => v === "" || /^\+?[0-9 ()./-]{5,40}$/.test(v), "Enter a phone number like +1 555 0100")
      .transform((v) => (v === "" ? null : v))
      .nullish(),
    address_1: optional(200, "Address"),
    address_2: optional(200, "Address line 2"),
    city: optional(100, "City"),
    postal_code: optional(20, "Postcode"),
    province: optional(100, "State / province"),
    country_code: z
      .string()
      .trim()
      .toLowerCase()
      .refine((v) => v === "" || isCountry(v), "Choose a country (two-letter code, like US or GB)")
      .transform((v) => (v === "" ? null : v))
      .nullish(),
    /** The language the portal, emails and PDFs speak; "" or null: the browser's; absent: unchanged. */
    locale: z
      .union([z.enum(SUPPORTED_LOCALES), z.literal("")], { error: `Choose a language (${SUPPORTED_LOCALES.join(", ")})` })
      .transform((v) => (v === "" ? null : v))
      .nullish(),
  })
  .strict()
  .superRefine((value, ctx) => {
    // An address is all or nothing: a street without a city or country is no address.
    const any = value.address_1 || value.city || value.postal_code || value.country_code
    if (any) {
      for (const [field, label] of [
        ["address_1", "Enter the street address"],
        ["city", "Enter the city"],
        ["country_code", "Choose a country"],
      ] as const) {
        if (!value[field]) {
          ctx.addIssue({ code: "custom", path: [field], message: label })
        }
      }
    }
  })

export type PortalProfileInputType = z.infer<typeof PortalProfileInput>

/** zod issues → { field: message } for the form (first message per field), in `t`'s language. */
export function fieldErrors(error: z.ZodError, t: Translate) {
  const errors: Record<string, string> = {}
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "_form")
    errors[field] ??= localizeMessage(issue.message, t)
  }
  return errors
}
