import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * Emails owed by a business change (issue #16): a process killed between sending an invoice and
 * emailing it lost the email; the row, written with the change, lets a job deliver it later.
 */
export class Migration20261202112836 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "portal_email_due" ("id" text not null, "customer_id" text not null, "subject_type" text not null, "subject_id" text not null, "claimed_at" timestamptz null, "attempts" integer not null default 0, "done_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "portal_email_due_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_portal_email_due_deleted_at" ON "portal_email_due" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_portal_email_due_pending" ON "portal_email_due" ("created_at") WHERE deleted_at IS NULL AND done_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "portal_email_due" cascade;`);
  }

}
