import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * Seller details for invoices (issue #13): payment instructions for customers who pay offline, and
 * the business address and tax id printed in the PDF's seller block. All optional, so no backfill.
 */
export class Migration20261202071129 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "portal_settings" add column if not exists "payment_instructions" text null, add column if not exists "business_address" text null, add column if not exists "tax_id" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "portal_settings" drop column if exists "payment_instructions", drop column if exists "business_address", drop column if exists "tax_id";`);
  }

}
