import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * Estimate revisions (issue #14 item 5): a rejected estimate can be re-opened as a new draft
 * (EST-0007 → EST-0007-2). `revision_of_id` points at the estimate it revises, `revision` is its
 * version; the unique partial index allows one live revision per estimate.
 */
export class Migration20261202111054 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "portal_estimate" drop constraint if exists "estimate_revision_of_unique";`);
    this.addSql(`alter table if exists "portal_estimate" add column if not exists "revision_of_id" text null, add column if not exists "revision" integer not null default 1;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_estimate_revision_of_unique" ON "portal_estimate" ("revision_of_id") WHERE deleted_at IS NULL AND revision_of_id IS NOT NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_estimate_revision_of_unique";`);
    this.addSql(`alter table if exists "portal_estimate" drop column if exists "revision_of_id", drop column if exists "revision";`);
  }

}
