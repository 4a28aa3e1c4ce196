import { model } from "@medusajs/framework/utils"

/**
 * A customer email that a business change owes (an invoice or estimate sent), written in the same
 * transaction as the change. The `portal.*.sent` subscriber delivers it at once; a process that
 * died before that leaves it here, and the `send-due-portal-emails` job delivers it later. The
 * claim makes each row go out once whichever instance picks it.
 */
const PortalEmailDue = model
  .define("portal_email_due", {
    id: model.id({ prefix: "pemd" }).primaryKey(),
    customer_id: model.text(),
    /** "invoice" or "estimate": the document the email announces. */
    subject_type: model.text(),
    subject_id: model.text(),
    /** When a delivery started; a claim older than a few minutes was left by a dead process. */
    claimed_at: model.dateTime().nullable(),
    /** Deliveries started, so an email that keeps failing is given up after a few. */
    attempts: model.number().default(0),
    /** When the delivery ended: sent, skipped or failed with its failure in the activity log. */
    done_at: model.dateTime().nullable(),
  })
  .indexes([
    { name: "IDX_portal_email_due_pending", on: ["created_at"], where: "deleted_at IS NULL AND done_at IS NULL" },
  ])

export default PortalEmailDue
