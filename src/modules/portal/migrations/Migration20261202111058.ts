import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * Overdue reminders (issue #15): the owner's schedule in the settings row, the customer's
 * opt-out on their access row, and `portal_reminder`, whose unique (invoice_id, step) is the
 * idempotency key that lets one worker of many send each reminder.
 */
export class Migration20261202111058 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "portal_reminder" drop constraint if exists "portal_reminder_invoice_step_unique";`);
    this.addSql(`create table if not exists "portal_reminder" ("id" text not null, "invoice_id" text not null, "customer_id" text not null, "step" text not null, "status" text check ("status" in ('sending', 'sent', 'failed')) not null default 'sending', "attempts" integer not null default 1, "claimed_at" timestamptz not null, "sent_at" timestamptz null, "error" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "portal_reminder_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_portal_reminder_deleted_at" ON "portal_reminder" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_portal_reminder_invoice_step_unique" ON "portal_reminder" ("invoice_id", "step") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "portal_access" add column if not exists "reminders_opt_out" boolean not null default false;`);

    this.addSql(`alter table if exists "portal_settings" add column if not exists "reminders_enabled" boolean not null default false, add column if not exists "reminder_days_before" integer not null default 3, add column if not exists "reminder_on_due_date" boolean not null default true, add column if not exists "reminder_every_days_after" integer not null default 7, add column if not exists "reminder_max" integer not null default 3;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "portal_reminder" cascade;`);

    this.addSql(`alter table if exists "portal_access" drop column if exists "reminders_opt_out";`);

    this.addSql(`alter table if exists "portal_settings" drop column if exists "reminders_enabled", drop column if exists "reminder_days_before", drop column if exists "reminder_on_due_date", drop column if exists "reminder_every_days_after", drop column if exists "reminder_max";`);
  }

}
