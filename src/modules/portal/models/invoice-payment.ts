import { model } from "@medusajs/framework/utils"
import { InvoicePaymentMethod } from "../constants"
import Invoice from "./invoice"

/** One payment against an invoice: recorded by the owner (offline) or captured through Stripe. */
const InvoicePayment = model
  .define({ name: "portal_invoice_payment", tableName: "portal_invoice_payment" }, {
    id: model.id({ prefix: "invpay" }).primaryKey(),
    /** Major units of the invoice currency; > 0. */
    amount: model.bigNumber(),
    method: model.enum(InvoicePaymentMethod),
    paid_at: model.dateTime(),
    /** Cheque number, bank reference, … as the owner typed it. */
    reference: model.text().nullable(),
    /**
     * What the owner refunded of this payment (an online one, through the Payment Module), in
     * major units; `amount` stays what was received, so the invoice counts amount − refunded.
     */
    refunded_amount: model.bigNumber().default(0),
    /** When the last refund of this payment was made. */
    refunded_at: model.dateTime().nullable(),
    /**
     * Medusa payment (Payment Module) behind an online payment; unique per invoice so it is
     * recorded once on each (one payment for several invoices is one row on each of them).
     */
    payment_id: model.text().nullable(),
    invoice: model.belongsTo(() => Invoice, { mappedBy: "payments" }),
  })
  .indexes([
    {
      name: "IDX_invoice_payment_invoice_payment_id_unique",
      on: ["invoice_id", "payment_id"],
      unique: true,
      where: "deleted_at IS NULL AND payment_id IS NOT NULL",
    },
  ])
  .checks([{ name: "invoice_payment_amount_positive", expression: (columns) => `${columns.amount} > 0` }])

export default InvoicePayment
