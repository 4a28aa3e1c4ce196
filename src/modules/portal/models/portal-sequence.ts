import { model } from "@medusajs/framework/utils"

/**
 * Counters behind display numbers, one row per document kind. Incremented with a single
 * `INSERT … ON CONFLICT DO UPDATE … RETURNING`, so concurrent sends never share a number.
 */
const PortalSequence = model
  .define("portal_sequence", {
    id: model.id({ prefix: "pseq" }).primaryKey(),
    /** Document kind: "invoice" or "estimate". */
    name: model.text(),
    /** Last number handed out. */
    value: model.number().default(0),
  })
  .indexes([{ name: "IDX_portal_sequence_name_unique", on: ["name"], unique: true }])

export default PortalSequence
