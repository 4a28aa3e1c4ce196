import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * Issue #15, deposits on estimates: the owner's deposit (percent or fixed amount) and what the
 * customer paid of it online, with the Medusa payment behind it (unique: recorded once).
 */
export class Migration20261202142911 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "portal_estimate" drop constraint if exists "estimate_deposit_payment_id_unique";`);
    this.addSql(`alter table if exists "portal_estimate" add column if not exists "deposit_type" text check ("deposit_type" in ('percent', 'amount')) null, add column if not exists "deposit_value" numeric null, add column if not exists "deposit_paid" numeric not null default 0, add column if not exists "deposit_payment_id" text null, add column if not exists "deposit_paid_at" timestamptz null, add column if not exists "raw_deposit_value" jsonb null, add column if not exists "raw_deposit_paid" jsonb not null default '{"value":"0","precision":20}';`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_estimate_deposit_payment_id_unique" ON "portal_estimate" ("deposit_payment_id") WHERE deleted_at IS NULL AND deposit_payment_id IS NOT NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_estimate_deposit_payment_id_unique";`);
    this.addSql(`alter table if exists "portal_estimate" drop column if exists "deposit_type", drop column if exists "deposit_value", drop column if exists "deposit_paid", drop column if exists "deposit_payment_id", drop column if exists "deposit_paid_at", drop column if exists "raw_deposit_value", drop column if exists "raw_deposit_paid";`);
  }

}
