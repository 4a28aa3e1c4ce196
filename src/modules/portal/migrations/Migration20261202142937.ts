import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * Issue #15, item 3: one card payment for several invoices. A batch and its invoices (what each
 * asked for, what the capture gave it); the payment id of an invoice payment becomes unique per
 * invoice, since one Medusa payment is now recorded once on each invoice it paid.
 */
export class Migration20261202142937 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "portal_invoice_payment" drop constraint if exists "invoice_payment_invoice_payment_id_unique";`);
    this.addSql(`create table if not exists "portal_payment_batch" ("id" text not null, "customer_id" text not null, "currency_code" text not null, "amount" numeric not null, "status" text check ("status" in ('open', 'captured', 'canceled')) not null default 'open', "payment_id" text null, "captured_at" timestamptz null, "raw_amount" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "portal_payment_batch_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_portal_payment_batch_deleted_at" ON "portal_payment_batch" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_portal_payment_batch_customer_status" ON "portal_payment_batch" ("customer_id", "status") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "portal_payment_batch_item" ("id" text not null, "invoice_id" text not null, "position" integer not null, "amount_due" numeric not null, "amount_applied" numeric null, "batch_id" text not null, "raw_amount_due" jsonb not null, "raw_amount_applied" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "portal_payment_batch_item_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_portal_payment_batch_item_batch_id" ON "portal_payment_batch_item" ("batch_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_portal_payment_batch_item_deleted_at" ON "portal_payment_batch_item" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_portal_payment_batch_item_invoice_id" ON "portal_payment_batch_item" ("invoice_id") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "portal_payment_batch_item" add constraint "portal_payment_batch_item_batch_id_foreign" foreign key ("batch_id") references "portal_payment_batch" ("id") on update cascade on delete cascade;`);

    this.addSql(`drop index if exists "IDX_invoice_payment_payment_id_unique";`);

    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_invoice_payment_invoice_payment_id_unique" ON "portal_invoice_payment" ("invoice_id", "payment_id") WHERE deleted_at IS NULL AND payment_id IS NOT NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "portal_payment_batch_item" drop constraint if exists "portal_payment_batch_item_batch_id_foreign";`);

    this.addSql(`drop table if exists "portal_payment_batch" cascade;`);

    this.addSql(`drop table if exists "portal_payment_batch_item" cascade;`);

    this.addSql(`drop index if exists "IDX_invoice_payment_invoice_payment_id_unique";`);

    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_invoice_payment_payment_id_unique" ON "portal_invoice_payment" ("payment_id") WHERE deleted_at IS NULL AND payment_id IS NOT NULL;`);
  }

}
