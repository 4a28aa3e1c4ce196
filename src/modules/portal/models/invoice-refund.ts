import { model } from "@medusajs/framework/utils"

/**
 * One refund of (part of) an online invoice payment, as the owner made it: what a statement of
 * account lists on its own date. The payment's `refunded_amount` stays the running total the
 * invoice counts; these rows are its history, so two refunds in different periods land in each.
 */
const InvoiceRefund = model
  .define({ name: "portal_invoice_refund", tableName: "portal_invoice_refund" }, {
    id: model.id({ prefix: "invref" }).primaryKey(),
    invoice_id: model.text(),
    /** The portal's invoice payment the money came back from. */
    invoice_payment_id: model.text(),
    /** Major units of the invoice currency; > 0. */
    amount: model.bigNumber(),
    refunded_at: model.dateTime(),
  })
  .indexes([{ name: "IDX_invoice_refund_invoice", on: ["invoice_id", "refunded_at"], where: "deleted_at IS NULL" }])
  .checks([{ name: "invoice_refund_amount_positive", expression: (columns) => `${columns.amount} > 0` }])

export default InvoiceRefund
