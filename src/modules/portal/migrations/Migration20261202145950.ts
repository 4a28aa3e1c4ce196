import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * Issue #15 (statement of account): each refund of an invoice payment gets its own dated row, so
 * a statement lists refunds in the period they happened (the payment's `refunded_amount` keeps the
 * running total the invoice counts). Refunds made before this migration had only that total and
 * the date of the last one: each becomes one row on that date, the best history there is.
 */
export class Migration20261202145950 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "portal_invoice_refund" ("id" text not null, "invoice_id" text not null, "invoice_payment_id" text not null, "amount" numeric not null, "refunded_at" timestamptz not null, "raw_amount" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "portal_invoice_refund_pkey" primary key ("id"), constraint invoice_refund_amount_positive check (amount > 0));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_portal_invoice_refund_deleted_at" ON "portal_invoice_refund" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_invoice_refund_invoice" ON "portal_invoice_refund" ("invoice_id", "refunded_at") WHERE deleted_at IS NULL;`);
    this.addSql(`insert into "portal_invoice_refund" ("id", "invoice_id", "invoice_payment_id", "amount", "raw_amount", "refunded_at")
      select 'invref_' || substr(md5(p."id"), 1, 26), p."invoice_id", p."id", p."refunded_amount",
             jsonb_build_object('value', p."refunded_amount"::text, 'precision', 20), p."refunded_at"
      from "portal_invoice_payment" p
      where p."refunded_amount" > 0 and p."refunded_at" is not null and p."deleted_at" is null
        and not exists (select 1 from "portal_invoice_refund" r where r."invoice_payment_id" = p."id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "portal_invoice_refund" cascade;`);
  }

}
