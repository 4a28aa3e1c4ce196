import { z } from "@medusajs/framework/zod"

/**
 * Text that customers and owners type. PostgreSQL refuses a NUL byte in text and jsonb (the
 * request used to end in a 500), and other control characters have no business in a name or an
 * invoice line: they are refused with a 400 that names the field. Multi-line fields (notes,
 * descriptions) keep tab, line feed and carriage return.
 */
const CONTROL_SINGLE_LINE = /[\u0000-\u001f\u007f-\u009f]/
const CONTROL_MULTI_LINE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/

export const controlCharacterMessage = (label: string) =>
  `${label} contains a control character (such as a NUL byte); remove it and try again`

export const hasControlCharacter = (value: string, { multiline = false } = {}) =>
  (multiline ? CONTROL_MULTI_LINE : CONTROL_SINGLE_LINE).test(value)

type TextOptions = { max: number; multiline?: boolean; trim?: boolean }

/** A string field: at most `max` characters, no control characters; the messages name `label`. */
export function textInput(label: string, { max, multiline = false, trim = false }: TextOptions) {
  const base = trim ? z.string().trim() : z.string()
  return base
    .max(max, `${label} must be at most ${max} characters`)
    .refine((v) => !hasControlCharacter(v, { multiline }), controlCharacterMessage(label))
}

/** True when any string in a JSON value (keys included) holds a NUL byte, which jsonb refuses. */
export function jsonHasNul(value: unknown): boolean {
  if (typeof value === "string") {
    return value.includes("\u0000")
  }
  if (Array.isArray(value)) {
    return value.some(jsonHasNul)
  }
  if (value && typeof value === "object") {
    return Object.entries(value).some(([key, v]) => key.includes("\u0000") || jsonHasNul(v))
  }
  return false
}
