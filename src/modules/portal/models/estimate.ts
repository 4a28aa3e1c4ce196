import { model } from "@medusajs/framework/utils"
import { DepositType, EstimateStatus } from "../constants"
import { documentTotalsProperties } from "./document-fields"
import EstimateLine from "./estimate-line"

const Estimate = model
  .define({ name: "portal_estimate", tableName: "portal_estimate" }, {
    id: model.id({ prefix: "est" }).primaryKey(),
    /** Human number (EST-0001); allocated when the estimate is first sent. */
    display_number: model.text().nullable(),
    customer_id: model.text(),
    /** Stored lifecycle; the portal shows sent as "Pending". */
    status: model.enum(EstimateStatus).default(EstimateStatus.DRAFT),
    currency_code: model.text(),
    issue_date: model.dateTime(),
    /** After this date a pending estimate can no longer be accepted. */
    valid_until: model.dateTime().nullable(),
    ...documentTotalsProperties(),
    notes: model.text().nullable(),
    /** Owner only: never serialised to a customer. */
    internal_note: model.text().nullable(),
    sent_at: model.dateTime().nullable(),
    /** When the customer accepted or rejected it. */
    decided_at: model.dateTime().nullable(),
    /** The customer's optional reason for the decision. */
    decision_note: model.text().nullable(),
    /** Invoice this estimate was converted into. */
    invoice_id: model.text().nullable(),
    /**
     * The rejected estimate this one revises (issue #14): the owner re-opened it as a new draft.
     * Null for a first version. The original row is never changed by a revision.
     */
    revision_of_id: model.text().nullable(),
    /** Version within its revision chain: 1 for the first estimate, 2 for EST-0007-2, … */
    revision: model.number().default(1),
    /**
     * The deposit the owner asks for once the estimate is approved (issue #15): a percentage of
     * the total or a fixed amount. Null: no deposit. `lib/deposit.ts` turns it into money.
     */
    deposit_type: model.enum(DepositType).nullable(),
    /** Percent (0–100] or an amount in major units of the estimate currency, per `deposit_type`. */
    deposit_value: model.bigNumber().nullable(),
    /** What the customer paid of the deposit online (major units); becomes an invoice payment on conversion. */
    deposit_paid: model.bigNumber().default(0),
    /** Medusa payment (Payment Module) that paid the deposit; unique, so a replayed capture records nothing. */
    deposit_payment_id: model.text().nullable(),
    deposit_paid_at: model.dateTime().nullable(),
    metadata: model.json().nullable(),
    lines: model.hasMany(() => EstimateLine, { mappedBy: "estimate" }),
  })
  .cascades({ delete: ["lines"] })
  .indexes([
    {
      name: "IDX_estimate_customer_status_issue_date",
      on: ["customer_id", "status", "issue_date"],
      where: "deleted_at IS NULL",
    },
    {
      // The customer's list, newest first: scanned backwards, it stops after one page. Status rides
      // along so the list filter is checked in the index (see the invoice list's index).
      name: "IDX_estimate_customer_issue_date_id_status",
      on: ["customer_id", "issue_date", "id", "status"],
      where: "deleted_at IS NULL",
    },
    {
      name: "IDX_estimate_display_number_unique",
      on: ["display_number"],
      unique: true,
      where: "deleted_at IS NULL AND display_number IS NOT NULL",
    },
    { name: "IDX_estimate_issue_date", on: ["issue_date"], where: "deleted_at IS NULL" },
    {
      // One live revision per estimate: the history stays a chain (revise the latest), and two
      // revise requests at once cannot both succeed even if the row lock were bypassed.
      name: "IDX_estimate_revision_of_unique",
      on: ["revision_of_id"],
      unique: true,
      where: "deleted_at IS NULL AND revision_of_id IS NOT NULL",
    },
    {
      name: "IDX_estimate_deposit_payment_id_unique",
      on: ["deposit_payment_id"],
      unique: true,
      where: "deleted_at IS NULL AND deposit_payment_id IS NOT NULL",
    },
  ])

export default Estimate
