import { model } from "@medusajs/framework/utils"
import { InvoiceStatus } from "../constants"
import { documentTotalsProperties } from "./document-fields"
import InvoiceLine from "./invoice-line"
import InvoicePayment from "./invoice-payment"

const Invoice = model
  .define({ name: "portal_invoice", tableName: "portal_invoice" }, {
    id: model.id({ prefix: "inv" }).primaryKey(),
    /** Human number (INV-0001); allocated when the invoice is first sent, so drafts have none. */
    display_number: model.text().nullable(),
    /** Medusa customer the invoice is addressed to (read-only module link). */
    customer_id: model.text(),
    /** Stored lifecycle; "Overdue" is derived from `due_date`, never stored. */
    status: model.enum(InvoiceStatus).default(InvoiceStatus.DRAFT),
    currency_code: model.text(),
    issue_date: model.dateTime(),
    /** After this date a sent, unpaid invoice shows as Overdue. Null: due on receipt, never overdue. */
    due_date: model.dateTime().nullable(),
    ...documentTotalsProperties(),
    /** Sum of recorded payments (online and offline), less refunds. */
    amount_paid: model.bigNumber().default(0),
    /** The customer may pay part of the amount due online. Null: the settings' default. */
    allow_partial_payments: model.boolean().nullable(),
    /** Smallest part payment, in major units of the invoice currency. Null: the settings' default. */
    partial_payment_minimum: model.bigNumber().nullable(),
    /** Shown to the customer. */
    notes: model.text().nullable(),
    /** Owner only: never serialised to a customer. */
    internal_note: model.text().nullable(),
    sent_at: model.dateTime().nullable(),
    paid_at: model.dateTime().nullable(),
    voided_at: model.dateTime().nullable(),
    /** Estimate this invoice was converted from. */
    estimate_id: model.text().nullable(),
    /** Medusa order this invoice was created from. */
    order_id: model.text().nullable(),
    metadata: model.json().nullable(),
    lines: model.hasMany(() => InvoiceLine, { mappedBy: "invoice" }),
    payments: model.hasMany(() => InvoicePayment, { mappedBy: "invoice" }),
  })
  .cascades({ delete: ["lines", "payments"] })
  .indexes([
    {
      name: "IDX_invoice_customer_status_issue_date",
      on: ["customer_id", "status", "issue_date"],
      where: "deleted_at IS NULL",
    },
    {
      // The customer's list, newest first: scanned backwards, it stops after one page. Status and
      // due date ride along so every list filter is checked in the index: a deep page skips its
      // offset over index entries only (an index-only scan), never over table rows.
      name: "IDX_invoice_customer_issue_date_id_status_due",
      on: ["customer_id", "issue_date", "id", "status", "due_date"],
      where: "deleted_at IS NULL",
    },
    {
      // The customer's open balance (the portal's home): only open invoices, with every column its
      // sums and counts read, so they come from an index-only scan of this customer's open rows,
      // never from the table. Paid and void invoices (most of them) are not in it. Only the
      // summary states `(total - amount_paid) IS NOT NULL` (always true: both are required), so
      // only it can use this index: the planner once chose it for a list's overdue filter, then
      // sorted every overdue row for each page instead of skipping the offset in the list's own
      // index. (Not `currency_code IS NOT NULL`: PostgreSQL 17 drops that from a query on a
      // required column, and the index then served nothing.)
      name: "IDX_invoice_customer_open_balance",
      on: ["customer_id", "currency_code", "due_date", "total", "amount_paid", "id", "status"],
      where: "deleted_at IS NULL AND status = 'sent' AND (total - amount_paid) IS NOT NULL",
    },
    {
      name: "IDX_invoice_display_number_unique",
      on: ["display_number"],
      unique: true,
      where: "deleted_at IS NULL AND display_number IS NOT NULL",
    },
    {
      name: "IDX_invoice_status_due_date",
      on: ["status", "due_date"],
      where: "deleted_at IS NULL",
    },
    { name: "IDX_invoice_issue_date", on: ["issue_date"], where: "deleted_at IS NULL" },
    { name: "IDX_invoice_estimate_id", on: ["estimate_id"], where: "deleted_at IS NULL AND estimate_id IS NOT NULL" },
    { name: "IDX_invoice_order_id", on: ["order_id"], where: "deleted_at IS NULL AND order_id IS NOT NULL" },
  ])

export default Invoice
