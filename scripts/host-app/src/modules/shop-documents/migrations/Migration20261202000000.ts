import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261202000000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table if not exists "invoice" ("id" text not null, "order_id" text not null, "status" text not null default 'latest', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "invoice_pkey" primary key ("id"));`)
    this.addSql(`create table if not exists "estimate" ("id" text not null, "title" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "estimate_pkey" primary key ("id"));`)
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "invoice" cascade;`)
    this.addSql(`drop table if exists "estimate" cascade;`)
  }
}
