import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261201214322 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "portal_session" ("id" text not null, "customer_id" text not null, "token_id" text not null, "channel" text check ("channel" in ('pages', 'store')) not null, "expires_at" timestamptz not null, "ended_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "portal_session_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_portal_session_deleted_at" ON "portal_session" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_portal_session_customer_id" ON "portal_session" ("customer_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "portal_session" cascade;`);
  }

}
