import { model } from "@medusajs/framework/utils"
import { documentLineProperties, lineChecks } from "./document-fields"
import Invoice from "./invoice"

const InvoiceLine = model
  .define({ name: "portal_invoice_line", tableName: "portal_invoice_line" }, {
    id: model.id({ prefix: "invl" }).primaryKey(),
    ...documentLineProperties(),
    invoice: model.belongsTo(() => Invoice, { mappedBy: "lines" }),
  })
  .checks(lineChecks("invoice_line"))

export default InvoiceLine
