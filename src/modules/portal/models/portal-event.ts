import { model } from "@medusajs/framework/utils"
import { PortalEventActor } from "../constants"

/** The portal activity log: what happened, to which customer and document, by whom. */
const PortalEvent = model
  .define("portal_event", {
    id: model.id({ prefix: "pevt" }).primaryKey(),
    /** One of `PortalEventType`. */
    type: model.text(),
    /** Null for events that cannot be tied to a customer (an unknown link). */
    customer_id: model.text().nullable(),
    actor: model.enum(PortalEventActor).default(PortalEventActor.SYSTEM),
    /** "invoice" or "estimate" when the event concerns a document. */
    subject_type: model.text().nullable(),
    subject_id: model.text().nullable(),
    /** Small details (reason of a failure, amount); never a token or a secret. */
    data: model.json().nullable(),
  })
  .indexes([
    { name: "IDX_portal_event_customer_created", on: ["customer_id", "created_at"], where: "deleted_at IS NULL" },
    { name: "IDX_portal_event_subject", on: ["subject_id"], where: "deleted_at IS NULL AND subject_id IS NOT NULL" },
    { name: "IDX_portal_event_type_created", on: ["type", "created_at"], where: "deleted_at IS NULL" },
  ])

export default PortalEvent
