import { model } from "@medusajs/framework/utils"
import { PortalTokenSource } from "../constants"

/**
 * A magic link. Only the SHA-256 of the random token is stored; the token itself exists only in
 * the link the customer received. Several may be live for one customer.
 */
const PortalToken = model
  .define("portal_token", {
    id: model.id({ prefix: "ptok" }).primaryKey(),
    /** Hex SHA-256 of the raw token. */
    token_hash: model.text(),
    customer_id: model.text(),
    /** Emailed, or handed to the owner to copy. */
    source: model.enum(PortalTokenSource).default(PortalTokenSource.EMAIL),
    expires_at: model.dateTime(),
    revoked_at: model.dateTime().nullable(),
    last_used_at: model.dateTime().nullable(),
  })
  .indexes([
    {
      name: "IDX_portal_token_token_hash_unique",
      on: ["token_hash"],
      unique: true,
      where: "deleted_at IS NULL",
    },
    { name: "IDX_portal_token_customer_id", on: ["customer_id"], where: "deleted_at IS NULL" },
  ])

export default PortalToken
