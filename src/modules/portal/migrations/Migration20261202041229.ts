import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * A customer's invoice and estimate lists are read newest first (issue_date DESC, id DESC): these
 * indexes let a page be read by a backward scan that stops after it, at any table size.
 */
export class Migration20261202041229 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_estimate_customer_issue_date_id" ON "portal_estimate" ("customer_id", "issue_date", "id") WHERE deleted_at IS NULL;`);

    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_invoice_customer_issue_date_id" ON "portal_invoice" ("customer_id", "issue_date", "id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_estimate_customer_issue_date_id";`);

    this.addSql(`drop index if exists "IDX_invoice_customer_issue_date_id";`);
  }

}
