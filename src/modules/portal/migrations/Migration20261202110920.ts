import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * The first-access claim (portal_access.first_access_claimed_at): which of several emails decided at
 * once for a new customer is the welcome email, decided by one UPDATE instead of a lock held over
 * the send. Nullable, no backfill.
 */
export class Migration20261202110920 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "portal_access" add column if not exists "first_access_claimed_at" timestamptz null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "portal_access" drop column if exists "first_access_claimed_at";`);
  }

}
