import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261125014649 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "portal_token" drop constraint if exists "portal_token_token_hash_unique";`);
    this.addSql(`alter table if exists "portal_sequence" drop constraint if exists "portal_sequence_name_unique";`);
    this.addSql(`alter table if exists "portal_access" drop constraint if exists "portal_access_customer_id_unique";`);
    this.addSql(`alter table if exists "portal_invoice_payment" drop constraint if exists "invoice_payment_payment_id_unique";`);
    this.addSql(`alter table if exists "portal_invoice" drop constraint if exists "invoice_display_number_unique";`);
    this.addSql(`alter table if exists "portal_estimate" drop constraint if exists "estimate_display_number_unique";`);
    this.addSql(`create table if not exists "portal_estimate" ("id" text not null, "display_number" text null, "customer_id" text not null, "status" text check ("status" in ('draft', 'sent', 'accepted', 'rejected')) not null default 'draft', "currency_code" text not null, "issue_date" timestamptz not null, "valid_until" timestamptz null, "subtotal" numeric not null default 0, "tax_total" numeric not null default 0, "total" numeric not null default 0, "notes" text null, "internal_note" text null, "sent_at" timestamptz null, "decided_at" timestamptz null, "decision_note" text null, "invoice_id" text null, "metadata" jsonb null, "raw_subtotal" jsonb not null default '{"value":"0","precision":20}', "raw_tax_total" jsonb not null default '{"value":"0","precision":20}', "raw_total" jsonb not null default '{"value":"0","precision":20}', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "portal_estimate_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_portal_estimate_deleted_at" ON "portal_estimate" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_estimate_customer_status_issue_date" ON "portal_estimate" ("customer_id", "status", "issue_date") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_estimate_display_number_unique" ON "portal_estimate" ("display_number") WHERE deleted_at IS NULL AND display_number IS NOT NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_estimate_issue_date" ON "portal_estimate" ("issue_date") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "portal_estimate_line" ("id" text not null, "title" text not null, "description" text null, "quantity" numeric not null, "unit_price" numeric not null, "tax_rate" numeric null, "subtotal" numeric not null, "tax_total" numeric not null, "total" numeric not null, "rank" integer not null default 0, "estimate_id" text not null, "raw_quantity" jsonb not null, "raw_unit_price" jsonb not null, "raw_tax_rate" jsonb null, "raw_subtotal" jsonb not null, "raw_tax_total" jsonb not null, "raw_total" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "portal_estimate_line_pkey" primary key ("id"), constraint estimate_line_quantity_positive check (quantity > 0), constraint estimate_line_unit_price_not_negative check (unit_price >= 0));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_portal_estimate_line_estimate_id" ON "portal_estimate_line" ("estimate_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_portal_estimate_line_deleted_at" ON "portal_estimate_line" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "portal_invoice" ("id" text not null, "display_number" text null, "customer_id" text not null, "status" text check ("status" in ('draft', 'sent', 'paid', 'void')) not null default 'draft', "currency_code" text not null, "issue_date" timestamptz not null, "due_date" timestamptz null, "subtotal" numeric not null default 0, "tax_total" numeric not null default 0, "total" numeric not null default 0, "amount_paid" numeric not null default 0, "notes" text null, "internal_note" text null, "sent_at" timestamptz null, "paid_at" timestamptz null, "voided_at" timestamptz null, "estimate_id" text null, "order_id" text null, "metadata" jsonb null, "raw_subtotal" jsonb not null default '{"value":"0","precision":20}', "raw_tax_total" jsonb not null default '{"value":"0","precision":20}', "raw_total" jsonb not null default '{"value":"0","precision":20}', "raw_amount_paid" jsonb not null default '{"value":"0","precision":20}', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "portal_invoice_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_portal_invoice_deleted_at" ON "portal_invoice" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_invoice_customer_status_issue_date" ON "portal_invoice" ("customer_id", "status", "issue_date") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_invoice_display_number_unique" ON "portal_invoice" ("display_number") WHERE deleted_at IS NULL AND display_number IS NOT NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_invoice_status_due_date" ON "portal_invoice" ("status", "due_date") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_invoice_issue_date" ON "portal_invoice" ("issue_date") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_invoice_estimate_id" ON "portal_invoice" ("estimate_id") WHERE deleted_at IS NULL AND estimate_id IS NOT NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_invoice_order_id" ON "portal_invoice" ("order_id") WHERE deleted_at IS NULL AND order_id IS NOT NULL;`);

    this.addSql(`create table if not exists "portal_invoice_line" ("id" text not null, "title" text not null, "description" text null, "quantity" numeric not null, "unit_price" numeric not null, "tax_rate" numeric null, "subtotal" numeric not null, "tax_total" numeric not null, "total" numeric not null, "rank" integer not null default 0, "invoice_id" text not null, "raw_quantity" jsonb not null, "raw_unit_price" jsonb not null, "raw_tax_rate" jsonb null, "raw_subtotal" jsonb not null, "raw_tax_total" jsonb not null, "raw_total" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "portal_invoice_line_pkey" primary key ("id"), constraint invoice_line_quantity_positive check (quantity > 0), constraint invoice_line_unit_price_not_negative check (unit_price >= 0));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_portal_invoice_line_invoice_id" ON "portal_invoice_line" ("invoice_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_portal_invoice_line_deleted_at" ON "portal_invoice_line" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "portal_invoice_payment" ("id" text not null, "amount" numeric not null, "method" text check ("method" in ('stripe', 'cash', 'check', 'bank_transfer', 'card', 'other')) not null, "paid_at" timestamptz not null, "reference" text null, "payment_id" text null, "invoice_id" text not null, "raw_amount" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "portal_invoice_payment_pkey" primary key ("id"), constraint invoice_payment_amount_positive check (amount > 0));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_portal_invoice_payment_invoice_id" ON "portal_invoice_payment" ("invoice_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_portal_invoice_payment_deleted_at" ON "portal_invoice_payment" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_invoice_payment_payment_id_unique" ON "portal_invoice_payment" ("payment_id") WHERE deleted_at IS NULL AND payment_id IS NOT NULL;`);

    this.addSql(`create table if not exists "portal_access" ("id" text not null, "customer_id" text not null, "enabled" boolean not null default true, "first_sent_at" timestamptz null, "last_sent_at" timestamptz null, "last_opened_at" timestamptz null, "disabled_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "portal_access_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_portal_access_deleted_at" ON "portal_access" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_portal_access_customer_id_unique" ON "portal_access" ("customer_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "portal_event" ("id" text not null, "type" text not null, "customer_id" text null, "actor" text check ("actor" in ('customer', 'owner', 'system')) not null default 'system', "subject_type" text null, "subject_id" text null, "data" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "portal_event_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_portal_event_deleted_at" ON "portal_event" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_portal_event_customer_created" ON "portal_event" ("customer_id", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_portal_event_subject" ON "portal_event" ("subject_id") WHERE deleted_at IS NULL AND subject_id IS NOT NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_portal_event_type_created" ON "portal_event" ("type", "created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "portal_sequence" ("id" text not null, "name" text not null, "value" integer not null default 0, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "portal_sequence_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_portal_sequence_deleted_at" ON "portal_sequence" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_portal_sequence_name_unique" ON "portal_sequence" ("name") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "portal_settings" ("id" text not null, "enabled" boolean not null default false, "allow_payments" boolean not null default true, "allow_estimates" boolean not null default true, "allow_invoices" boolean not null default true, "allow_profile_updates" boolean not null default true, "allow_service_history" boolean not null default false, "link_ttl_days" integer not null default 30, "business_name" text null, "logo_url" text null, "accent_color" text not null default '#2563eb', "support_email" text null, "invoice_prefix" text not null default 'INV-', "estimate_prefix" text not null default 'EST-', "owner_notification_email" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "portal_settings_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_portal_settings_deleted_at" ON "portal_settings" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "portal_token" ("id" text not null, "token_hash" text not null, "customer_id" text not null, "source" text check ("source" in ('email', 'link')) not null default 'email', "expires_at" timestamptz not null, "revoked_at" timestamptz null, "last_used_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "portal_token_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_portal_token_deleted_at" ON "portal_token" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_portal_token_token_hash_unique" ON "portal_token" ("token_hash") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_portal_token_customer_id" ON "portal_token" ("customer_id") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "portal_estimate_line" add constraint "portal_estimate_line_estimate_id_foreign" foreign key ("estimate_id") references "portal_estimate" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table if exists "portal_invoice_line" add constraint "portal_invoice_line_invoice_id_foreign" foreign key ("invoice_id") references "portal_invoice" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table if exists "portal_invoice_payment" add constraint "portal_invoice_payment_invoice_id_foreign" foreign key ("invoice_id") references "portal_invoice" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "portal_estimate_line" drop constraint if exists "portal_estimate_line_estimate_id_foreign";`);

    this.addSql(`alter table if exists "portal_invoice_line" drop constraint if exists "portal_invoice_line_invoice_id_foreign";`);

    this.addSql(`alter table if exists "portal_invoice_payment" drop constraint if exists "portal_invoice_payment_invoice_id_foreign";`);

    this.addSql(`drop table if exists "portal_estimate" cascade;`);

    this.addSql(`drop table if exists "portal_estimate_line" cascade;`);

    this.addSql(`drop table if exists "portal_invoice" cascade;`);

    this.addSql(`drop table if exists "portal_invoice_line" cascade;`);

    this.addSql(`drop table if exists "portal_invoice_payment" cascade;`);

    this.addSql(`drop table if exists "portal_access" cascade;`);

    this.addSql(`drop table if exists "portal_event" cascade;`);

    this.addSql(`drop table if exists "portal_sequence" cascade;`);

    this.addSql(`drop table if exists "portal_settings" cascade;`);

    this.addSql(`drop table if exists "portal_token" cascade;`);
  }

}
