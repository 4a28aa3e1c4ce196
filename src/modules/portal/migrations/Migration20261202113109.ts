import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * Issue #15. Partial payments: the owner may let a customer pay part of an invoice online, with a
 * minimum; a default in the settings, and a per-invoice choice (null columns: use the default).
 * Refunds: what the owner refunded of a payment is kept on it (`refunded_amount`), so the
 * payment still says what was received and the invoice counts what it kept.
 */
export class Migration20261202113109 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "portal_invoice" add column if not exists "allow_partial_payments" boolean null, add column if not exists "partial_payment_minimum" numeric null, add column if not exists "raw_partial_payment_minimum" jsonb null;`);

    this.addSql(`alter table if exists "portal_invoice_payment" add column if not exists "refunded_amount" numeric not null default 0, add column if not exists "refunded_at" timestamptz null, add column if not exists "raw_refunded_amount" jsonb not null default '{"value":"0","precision":20}';`);

    this.addSql(`alter table if exists "portal_settings" add column if not exists "allow_partial_payments" boolean not null default false, add column if not exists "partial_payment_minimum" numeric null, add column if not exists "raw_partial_payment_minimum" jsonb null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "portal_invoice" drop column if exists "allow_partial_payments", drop column if exists "partial_payment_minimum", drop column if exists "raw_partial_payment_minimum";`);

    this.addSql(`alter table if exists "portal_invoice_payment" drop column if exists "refunded_amount", drop column if exists "refunded_at", drop column if exists "raw_refunded_amount";`);

    this.addSql(`alter table if exists "portal_settings" drop column if exists "allow_partial_payments", drop column if exists "partial_payment_minimum", drop column if exists "raw_partial_payment_minimum";`);
  }

}
