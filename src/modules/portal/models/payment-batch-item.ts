import { model } from "@medusajs/framework/utils"
import PaymentBatch from "./payment-batch"

/** One invoice of a payment batch, with what it asked for then and what the capture gave it. */
const PaymentBatchItem = model
  .define({ name: "portal_payment_batch_item", tableName: "portal_payment_batch_item" }, {
    id: model.id({ prefix: "pbit" }).primaryKey(),
    /** The invoice (same module); not a relation, so the invoice model stays as it is. */
    invoice_id: model.text(),
    /** Its place oldest first when the batch started (0 = paid first). */
    position: model.number(),
    /** What the invoice still asked for when the batch started (major units). */
    amount_due: model.bigNumber(),
    /** What the captured payment recorded on it; null until the capture. */
    amount_applied: model.bigNumber().nullable(),
    batch: model.belongsTo(() => PaymentBatch, { mappedBy: "items" }),
  })
  .indexes([{ name: "IDX_portal_payment_batch_item_invoice_id", on: ["invoice_id"], where: "deleted_at IS NULL" }])

export default PaymentBatchItem
