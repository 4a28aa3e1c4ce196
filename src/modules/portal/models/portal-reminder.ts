import { model } from "@medusajs/framework/utils"

/**
 * One overdue-reminder email of one invoice: the row is the idempotency key. A worker claims
 * (invoice, step) by inserting it before sending; the unique index lets exactly one of several
 * racing workers, instances or restarts win, so each step of the schedule is emailed once.
 */
const PortalReminder = model
  .define("portal_reminder", {
    id: model.id({ prefix: "prem" }).primaryKey(),
    invoice_id: model.text(),
    customer_id: model.text(),
    /** The schedule step (`before-3`, `due`, `after-1`, …), from `lib/reminders.ts`. */
    step: model.text(),
    /**
     * `sending` while claimed, `sent` once the email left, `failed` when the provider refused it
     * (claimed again by a later run, up to the attempt limit).
     */
    status: model.enum(["sending", "sent", "failed"]).default("sending"),
    /** Claims so far (the first send and each retry after a failure). */
    attempts: model.number().default(1),
    claimed_at: model.dateTime(),
    sent_at: model.dateTime().nullable(),
    /** The provider's error of the last failed attempt (never the link). */
    error: model.text().nullable(),
  })
  .indexes([
    {
      name: "IDX_portal_reminder_invoice_step_unique",
      on: ["invoice_id", "step"],
      unique: true,
      where: "deleted_at IS NULL",
    },
  ])

export default PortalReminder
