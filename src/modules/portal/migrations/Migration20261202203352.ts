import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * Issue #12 (performance): whether the customer still exists is kept on the access row, so a
 * portal request reads it in the statement it already makes instead of a second one to the
 * Customer module. Customers deleted before this migration are marked here, once: the one read of
 * the Customer module's table by this module, guarded for a database without it.
 */
export class Migration20261202203352 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "portal_access" add column if not exists "customer_deleted_at" timestamptz null;`);
    this.addSql(`do $$ begin
      if to_regclass('customer') is not null then
        update "portal_access" a
           set "customer_deleted_at" = coalesce((select c."deleted_at" from "customer" c where c."id" = a."customer_id"), now())
         where a."customer_deleted_at" is null
           and not exists (select 1 from "customer" c where c."id" = a."customer_id" and c."deleted_at" is null);
      end if;
    end $$;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "portal_access" drop column if exists "customer_deleted_at";`);
  }

}
