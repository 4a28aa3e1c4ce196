import { model } from "@medusajs/framework/utils"

/** The merchant's own `estimate` entity, for the same reason as `invoice`. */
const Estimate = model.define("estimate", {
  id: model.id().primaryKey(),
  title: model.text(),
})

export default Estimate
