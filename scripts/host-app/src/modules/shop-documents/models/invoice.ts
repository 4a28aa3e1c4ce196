import { model } from "@medusajs/framework/utils"

/**
 * The merchant's own `invoice` entity, shaped like the invoices of Medusa's invoice-generator
 * example: the plugin's entities must not take its module, table, link or Query names.
 */
const Invoice = model.define("invoice", {
  id: model.id().primaryKey(),
  order_id: model.text(),
  status: model.text().default("latest"),
})

export default Invoice
