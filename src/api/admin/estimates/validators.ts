import { z } from "@medusajs/framework/zod"
import { dateFilter, documentFields, documentListParams, GetDocumentParams } from "../../utils/document-validators"

export const AdminGetEstimateParams = GetDocumentParams
export type AdminGetEstimateParamsType = z.infer<typeof AdminGetEstimateParams>

/** Status accepts the stored states and "pending", what customers see for a sent estimate. */
export const AdminGetEstimatesParams = documentListParams(["draft", "sent", "pending", "accepted", "rejected"]).extend({
  valid_until: dateFilter().optional(),
})
export type AdminGetEstimatesParamsType = z.infer<typeof AdminGetEstimatesParams>

const estimateFields = {
  ...documentFields,
  valid_until: z.coerce.date().nullish(),
}

export const AdminCreateEstimate = z
  .object({ ...estimateFields, lines: estimateFields.lines.default([]) })
  .strict()
export type AdminCreateEstimateType = z.infer<typeof AdminCreateEstimate>

export const AdminUpdateEstimate = z.object(estimateFields).partial().strict()
export type AdminUpdateEstimateType = z.infer<typeof AdminUpdateEstimate>

export const AdminConvertEstimate = z
  .object({ due_date: z.coerce.date().nullish() })
  .strict()
export type AdminConvertEstimateType = z.infer<typeof AdminConvertEstimate>

/** Revising takes no input: everything is copied from the rejected estimate, then edited as a draft. */
export const AdminReviseEstimate = z.object({}).strict()
export type AdminReviseEstimateType = z.infer<typeof AdminReviseEstimate>

/**
 * The deposit asked once the estimate is approved: a percentage of the total or a fixed amount
 * (`value`, a number or a decimal string; its range is checked by `parseDepositSetting`);
 * `type: null` removes it.
 */
export const AdminSetEstimateDeposit = z
  .object({
    type: z.enum(["percent", "amount"]).nullable(),
    value: z.union([z.number(), z.string().max(32)]).nullish(),
  })
  .strict()
export type AdminSetEstimateDepositType = z.infer<typeof AdminSetEstimateDeposit>
