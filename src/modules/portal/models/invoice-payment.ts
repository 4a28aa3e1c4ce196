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
    /** Medusa payment (Payment Module) behind an online payment; unique so it is recorded once. */
    payment_id: model.text().nullable(),
    invoice: model.belongsTo(() => Invoice, { mappedBy: "payments" }),
  })
  .indexes([
    {
      name: "IDX_invoice_payment_payment_id_unique",
      on: ["payment_id"],
      unique: true,
      where: "deleted_at IS NULL AND payment_id IS NOT NULL",
    },
  ])
  .checks([{ name: "invoice_payment_amount_positive", expression: (columns) => `${columns.amount} > 0` }])

export default InvoicePayment
