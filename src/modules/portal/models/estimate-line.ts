import { model } from "@medusajs/framework/utils"
import { documentLineProperties, lineChecks } from "./document-fields"
import Estimate from "./estimate"

const EstimateLine = model
  .define({ name: "portal_estimate_line", tableName: "portal_estimate_line" }, {
    id: model.id({ prefix: "estl" }).primaryKey(),
    ...documentLineProperties(),
    estimate: model.belongsTo(() => Estimate, { mappedBy: "lines" }),
  })
  .checks(lineChecks("estimate_line"))

export default EstimateLine
