import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * Languages (issue #14): the language a customer chose (owner in the admin, or the customer in
 * Profile; null = their browser's, then the shop's), and the shop's default language.
 */
export class Migration20261202111433 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "portal_access" add column if not exists "locale" text null;`);

    this.addSql(`alter table if exists "portal_settings" add column if not exists "default_locale" text not null default 'en';`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "portal_access" drop column if exists "locale";`);

    this.addSql(`alter table if exists "portal_settings" drop column if exists "default_locale";`);
  }

}
