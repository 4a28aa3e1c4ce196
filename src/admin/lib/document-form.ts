import { z } from "zod"
import type { AdminDocument, AdminDocumentInput, AdminDocumentKind, AdminEstimate, AdminInvoice } from "../../types/http"
import { fromDateInput, isKnownCurrency, toDateInput } from "./format"

/**
 * The document form's values and rules. Values are strings as typed (a half-typed "1." stays under
 * the owner's cursor); the schema says what must be fixed before the request is worth sending,
 * with the message shown under the field. The server checks everything again.
 */
const isNumber = (value: string) => value.trim() !== "" && Number.isFinite(Number(value))

export const lineSchema = z.object({
  title: z.string().refine((v) => v.trim() !== "", "Enter a title."),
  description: z.string(),
  quantity: z.string().refine((v) => isNumber(v) && Number(v) > 0, "Enter a quantity above 0."),
  unit_price: z.string().refine((v) => isNumber(v) && Number(v) >= 0, "Enter a price of 0 or more."),
  tax_rate: z
    .string()
    .refine((v) => v.trim() === "" || (isNumber(v) && Number(v) >= 0 && Number(v) <= 100), "Enter 0 to 100."),
})
export type DraftLine = z.infer<typeof lineSchema>

export const documentSchema = (kind: AdminDocumentKind) =>
  z
    .object({
      customer_id: z.string().min(1, `Choose the customer this ${kind} is for.`),
      currency_code: z
        .string()
        .refine((v) => isKnownCurrency(v.trim()), "Choose a currency (a 3-letter ISO code such as usd or eur)."),
      issue_date: z.string(),
      /** due_date for an invoice, valid_until for an estimate */
      end_date: z.string(),
      notes: z.string().max(10_000, "Keep the notes under 10,000 characters."),
      internal_note: z.string().max(10_000, "Keep the note under 10,000 characters."),
      lines: z.array(lineSchema),
    })
    .refine((v) => !v.end_date || !v.issue_date || v.end_date >= v.issue_date, {
      path: ["end_date"],
      message: "Must not be before the issue date.",
    })
export type DocumentFormValues = z.infer<ReturnType<typeof documentSchema>>

export const newDraftLine = (init: Partial<DraftLine> = {}): DraftLine => ({
  title: "",
  description: "",
  quantity: "1",
  unit_price: "",
  tax_rate: "",
  ...init,
})

export function initialValues(
  kind: AdminDocumentKind,
  doc?: AdminDocument | null,
  defaults: Partial<Pick<DocumentFormValues, "customer_id">> = {}
): DocumentFormValues {
  if (!doc) {
    return {
      customer_id: "",
      currency_code: "",
      issue_date: toDateInput(new Date()),
      end_date: "",
      notes: "",
      internal_note: "",
      lines: [newDraftLine()],
      ...defaults,
    }
  }
  const end = kind === "invoice" ? (doc as AdminInvoice).due_date : (doc as AdminEstimate).valid_until
  return {
    customer_id: doc.customer_id,
    currency_code: doc.currency_code,
    issue_date: toDateInput(doc.issue_date),
    end_date: toDateInput(end),
    notes: doc.notes ?? "",
    internal_note: doc.internal_note ?? "",
    lines: (doc.lines ?? []).map((line) =>
      newDraftLine({
        title: line.title,
        description: line.description ?? "",
        quantity: String(line.quantity),
        unit_price: String(line.unit_price),
        tax_rate: line.tax_rate == null ? "" : String(line.tax_rate),
      })
    ),
  }
}

/** The request body, in the API's types. */
export function toBody(kind: AdminDocumentKind, values: DocumentFormValues): AdminDocumentInput {
  return {
    customer_id: values.customer_id,
    currency_code: values.currency_code.trim().toLowerCase(),
    ...(values.issue_date ? { issue_date: fromDateInput(values.issue_date)! } : {}),
    [kind === "invoice" ? "due_date" : "valid_until"]: fromDateInput(values.end_date),
    notes: values.notes.trim() || null,
    internal_note: values.internal_note.trim() || null,
    lines: values.lines.map((line) => ({
      title: line.title.trim(),
      description: line.description.trim() || null,
      quantity: Number(line.quantity),
      unit_price: Number(line.unit_price),
      tax_rate: line.tax_rate.trim() === "" ? null : Number(line.tax_rate),
    })),
  }
}
