import { z } from "@medusajs/framework/zod"
import { dateFilter, documentFields, documentListParams, GetDocumentParams } from "../../utils/document-validators"
import { MAX_AMOUNT } from "../../../lib/money"
import { OFFLINE_PAYMENT_METHODS } from "../../../lib/payment-methods"
import { textInput } from "../../../lib/text-input"
import { partialMinimum } from "../portal/settings/validators"

export const AdminGetInvoiceParams = GetDocumentParams
export type AdminGetInvoiceParamsType = z.infer<typeof AdminGetInvoiceParams>

/** Status accepts the stored states and the derived ones customers see (unpaid, partially paid, overdue). */
export const AdminGetInvoicesParams = documentListParams(["draft", "sent", "paid", "void", "unpaid", "partially_paid", "overdue"]).extend({
  due_date: dateFilter().optional(),
})
export type AdminGetInvoicesParamsType = z.infer<typeof AdminGetInvoicesParams>

const invoiceFields = {
  ...documentFields,
  due_date: z.coerce.date().nullish(),
}

export const AdminCreateInvoice = z
  .object({ ...invoiceFields, lines: invoiceFields.lines.default([]) })
  .strict()
export type AdminCreateInvoiceType = z.infer<typeof AdminCreateInvoice>

export const AdminUpdateInvoice = z.object(invoiceFields).partial().strict()
export type AdminUpdateInvoiceType = z.infer<typeof AdminUpdateInvoice>

/** Offline payments only: online (Stripe) payments are recorded by the payment workflow. */
export const AdminRecordInvoicePayment = z
  .object({
    amount: z.number().positive().max(MAX_AMOUNT),
    method: z.enum(OFFLINE_PAYMENT_METHODS),
    paid_at: z.coerce.date().optional(),
    reference: textInput("reference", { max: 500 }).nullish(),
  })
  .strict()
export type AdminRecordInvoicePaymentType = z.infer<typeof AdminRecordInvoicePayment>

export const AdminCreateInvoiceFromOrder = z
  .object({
    due_date: z.coerce.date().nullish(),
    notes: textInput("notes", { max: 10_000, multiline: true }).nullish(),
  })
  .strict()
export type AdminCreateInvoiceFromOrderType = z.infer<typeof AdminCreateInvoiceFromOrder>

/**
 * Part payments of one invoice: `allow_partial_payments` and `partial_payment_minimum` (major
 * units); null goes back to the settings' default. At least one field.
 */
export const AdminInvoicePaymentOptions = z
  .object({
    allow_partial_payments: z.boolean({ error: "allow_partial_payments must be true, false or null" }).nullable(),
    partial_payment_minimum: partialMinimum("partial_payment_minimum").nullable(),
  })
  .partial()
  .strict()
  .refine((v) => Object.keys(v).length > 0, "Send allow_partial_payments and/or partial_payment_minimum")
export type AdminInvoicePaymentOptionsType = z.infer<typeof AdminInvoicePaymentOptions>

/**
 * A refund of an online payment: `amount` (major units, at most what is left of the payment),
 * `payment_id` (the invoice payment, `invpay_…`; may be left out when there is one online
 * payment) and an optional `note` (kept with the refund at Stripe and in the activity log).
 */
export const AdminRefundInvoicePayment = z
  .object({
    amount: z.number({ error: "amount must be a number in major units, like 25.50" }).positive().max(MAX_AMOUNT),
    payment_id: textInput("payment_id", { max: 100, trim: true }).nullish(),
    note: textInput("note", { max: 500, trim: true }).nullish(),
  })
  .strict()
export type AdminRefundInvoicePaymentType = z.infer<typeof AdminRefundInvoicePayment>
