import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * After 0.1.0 the module's entities were renamed to portal-prefixed names (`portal_invoice`, …) so a host app
 * with its own `invoice` or `estimate` entity keeps booting (Query names are global). Tables were
 * already prefixed; only the invoice ↔ payment collection link table carries the entity name. Its
 * rows are moved to the new name here, before Medusa syncs links (module migrations run first),
 * so the sync finds the table it expects instead of creating an empty one and dropping the old.
 */
export class Migration20261202010000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      DO $$
      BEGIN
        IF to_regclass('portal_invoice_payment_payment_collection') IS NOT NULL
           AND to_regclass('portal_portal_invoice_payment_payment_collection') IS NULL THEN
          ALTER TABLE "portal_invoice_payment_payment_collection" RENAME COLUMN "invoice_id" TO "portal_invoice_id";
          ALTER TABLE "portal_invoice_payment_payment_collection" RENAME TO "portal_portal_invoice_payment_payment_collection";
          -- Named from a hash of the old table name; the link sync creates them under the new one.
          DROP INDEX IF EXISTS "IDX_invoice_id_-29b3fafd8";
          DROP INDEX IF EXISTS "IDX_payment_collection_id_-29b3fafd8";
          DROP INDEX IF EXISTS "IDX_deleted_at_-29b3fafd8";
          DROP INDEX IF EXISTS "IDX_id_-29b3fafd8";
          IF to_regclass('link_module_migrations') IS NOT NULL THEN
            UPDATE "link_module_migrations"
               SET table_name = 'portal_portal_invoice_payment_payment_collection',
                   link_descriptor = jsonb_set(link_descriptor::jsonb, '{fromModel}', '"portal_invoice"')
             WHERE table_name = 'portal_invoice_payment_payment_collection';
          END IF;
        END IF;
      END $$;
    `)
  }

  override async down(): Promise<void> {
    this.addSql(`
      DO $$
      BEGIN
        IF to_regclass('portal_portal_invoice_payment_payment_collection') IS NOT NULL
           AND to_regclass('portal_invoice_payment_payment_collection') IS NULL THEN
          ALTER TABLE "portal_portal_invoice_payment_payment_collection" RENAME COLUMN "portal_invoice_id" TO "invoice_id";
          ALTER TABLE "portal_portal_invoice_payment_payment_collection" RENAME TO "portal_invoice_payment_payment_collection";
          IF to_regclass('link_module_migrations') IS NOT NULL THEN
            UPDATE "link_module_migrations"
               SET table_name = 'portal_invoice_payment_payment_collection',
                   link_descriptor = jsonb_set(link_descriptor::jsonb, '{fromModel}', '"invoice"')
             WHERE table_name = 'portal_portal_invoice_payment_payment_collection';
          END IF;
        END IF;
      END $$;
    `)
  }
}
