import { model } from "@medusajs/framework/utils"
import { PortalSessionChannel } from "../constants"

/**
 * A portal session: started when a customer opens a link (the pages' cookie) or a storefront
 * exchanges one (a Bearer token). The session token (a JWT) names this row, so signing out ends
 * it on the server, and every request re-checks it together with the link it came through.
 */
const PortalSession = model
  .define("portal_session", {
    id: model.id({ prefix: "psess" }).primaryKey(),
    customer_id: model.text(),
    /** The link (portal_token) it was opened with: revoking the link ends the session. */
    token_id: model.text(),
    /** Portal pages (cookie) or a storefront (Bearer token). */
    channel: model.enum(PortalSessionChannel),
    /** Never after the link's own expiry. */
    expires_at: model.dateTime(),
    /** Set when the customer signs out (or a newer link replaced it on this browser). */
    ended_at: model.dateTime().nullable(),
  })
  .indexes([{ name: "IDX_portal_session_customer_id", on: ["customer_id"], where: "deleted_at IS NULL" }])

export default PortalSession
