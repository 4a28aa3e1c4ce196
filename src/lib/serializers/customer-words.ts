import { PAYMENT_METHOD_LABELS } from "../payment-methods"
import { type Translate, translator } from "../i18n/translate"

/**
 * The words the serializers put in JSON for a customer to read (`status_label`, `method_label`,
 * history titles, statement descriptions), from the catalogs in the reader's language. A caller
 * with no reader (an owner-facing use, a background job that has not chosen a language) gets
 * English, what these fields always said.
 */
export const ENGLISH: Translate = translator("en")

/** A payment method's label; an unknown method reads "Other" rather than its code. */
export function methodLabel(method: string, t: Translate) {
  return t(`payment_method.${method in PAYMENT_METHOD_LABELS ? method : "other"}`)
}
