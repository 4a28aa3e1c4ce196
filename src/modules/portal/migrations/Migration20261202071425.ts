import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * The customer list indexes also hold what the list filters on (status; for invoices the due
 * date), so a page's ids come from an index-only scan: a deep page (offset 4 680 of 5 000) skips
 * index entries instead of reading and sorting every row of the customer. Each new index starts
 * with the old one's columns, so the old one is dropped once its successor exists.
 */
export class Migration20261202071425 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_estimate_customer_issue_date_id_status" ON "portal_estimate" ("customer_id", "issue_date", "id", "status") WHERE deleted_at IS NULL;`);

    this.addSql(`drop index if exists "IDX_estimate_customer_issue_date_id";`);

    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_invoice_customer_issue_date_id_status_due" ON "portal_invoice" ("customer_id", "issue_date", "id", "status", "due_date") WHERE deleted_at IS NULL;`);

    this.addSql(`drop index if exists "IDX_invoice_customer_issue_date_id";`);
  }

  override async down(): Promise<void> {
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_estimate_customer_issue_date_id" ON "portal_estimate" ("customer_id", "issue_date", "id") WHERE deleted_at IS NULL;`);

    this.addSql(`drop index if exists "IDX_estimate_customer_issue_date_id_status";`);

    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_invoice_customer_issue_date_id" ON "portal_invoice" ("customer_id", "issue_date", "id") WHERE deleted_at IS NULL;`);

    this.addSql(`drop index if exists "IDX_invoice_customer_issue_date_id_status_due";`);
  }

}
