import { model } from "@medusajs/framework/utils"
import PaymentBatchItem from "./payment-batch-item"

/**
 * One card payment a customer makes for several of their invoices at once ("Pay all open
 * invoices" or a chosen set), in one currency. Its Medusa payment collection is linked to it
 * (`links/payment-batch-payment-collection.ts`); the capture is shared out over its invoices
 * oldest first (`lib/batch-allocation.ts`) as ordinary invoice payments with the same Medusa
 * payment id.
 */
const PaymentBatch = model
  .define({ name: "portal_payment_batch", tableName: "portal_payment_batch" }, {
    id: model.id({ prefix: "pbat" }).primaryKey(),
    customer_id: model.text(),
    currency_code: model.text(),
    /** What the customer was asked to pay: the sum of the invoices' amounts due when it started (major units). */
    amount: model.bigNumber(),
    /**
     * `open` while the customer may pay it; `captured` once its payment was shared out;
     * `canceled` when an invoice of it changed (or a new batch replaced it) before it was paid.
     */
    status: model.enum(["open", "captured", "canceled"]).default("open"),
    /** The Medusa payment that paid it (set on capture). */
    payment_id: model.text().nullable(),
    captured_at: model.dateTime().nullable(),
    items: model.hasMany(() => PaymentBatchItem, { mappedBy: "batch" }),
  })
  .cascades({ delete: ["items"] })
  .indexes([{ name: "IDX_portal_payment_batch_customer_status", on: ["customer_id", "status"], where: "deleted_at IS NULL" }])

export default PaymentBatch
