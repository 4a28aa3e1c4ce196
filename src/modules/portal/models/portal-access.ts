import { model } from "@medusajs/framework/utils"

/** A customer's portal access: one row per customer, created when access is first sent. */
const PortalAccess = model
  .define("portal_access", {
    id: model.id({ prefix: "pacc" }).primaryKey(),
    customer_id: model.text(),
    /** When false, every link of this customer is refused. */
    enabled: model.boolean().default(true),
    first_sent_at: model.dateTime().nullable(),
    /**
     * When an email carrying the customer's first access was claimed (atomically, before sending):
     * of two emails decided at once, only the claimant is the welcome email. Cleared when that
     * email fails; a claim older than a few minutes (its sender died) may be taken again.
     */
    first_access_claimed_at: model.dateTime().nullable(),
    last_sent_at: model.dateTime().nullable(),
    last_opened_at: model.dateTime().nullable(),
    disabled_at: model.dateTime().nullable(),
    /**
     * The language the customer reads the portal, emails and PDFs in ("en", "es"), set by the
     * owner or by the customer in Profile; null: their browser's language, then the shop default.
     */
    locale: model.text().nullable(),
    /** The customer (in Profile) or the owner turned overdue-invoice reminders off for this customer. */
    reminders_opt_out: model.boolean().default(false),
    /**
     * When the Medusa customer was deleted (null: it exists). Kept in step with the Customer
     * module by `syncCustomerDeletedMarks` (Medusa's delete workflow hook, and the customer's
     * deleted / restored events), so each portal request reads it in the statement it already
     * makes instead of asking the Customer module again.
     */
    customer_deleted_at: model.dateTime().nullable(),
  })
  .indexes([
    {
      name: "IDX_portal_access_customer_id_unique",
      on: ["customer_id"],
      unique: true,
      where: "deleted_at IS NULL",
    },
  ])

export default PortalAccess
