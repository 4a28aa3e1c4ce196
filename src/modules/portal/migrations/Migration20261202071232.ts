import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * Estimate decision records (signed approvals and rejections) and the two approval settings.
 * The records are append-only: a trigger refuses UPDATE and DELETE of a row, whoever runs it,
 * so neither a code path added later nor a hand-written SQL statement can rewrite what a
 * customer signed. One exception: a DELETE in a transaction that set
 * `portal.decision_compensation` — only the compensation of the decision workflow, which removes
 * the record it inserted when a later step failed. (TRUNCATE / DROP, i.e. the database owner,
 * remain possible.)
 */
export class Migration20261202071232 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "portal_estimate_decision" ("id" text not null, "estimate_id" text not null, "customer_id" text not null, "decision" text check ("decision" in ('accepted', 'rejected')) not null, "signed_name" text null, "accepted_terms" text null, "note" text null, "document_hash" text not null, "display_number" text null, "currency_code" text not null, "total" numeric not null, "portal_session_id" text null, "ip" text null, "user_agent" text null, "decided_at" timestamptz not null, "raw_total" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "portal_estimate_decision_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_portal_estimate_decision_deleted_at" ON "portal_estimate_decision" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_estimate_decision_estimate_id" ON "portal_estimate_decision" ("estimate_id") WHERE deleted_at IS NULL;`);

    this.addSql(`CREATE OR REPLACE FUNCTION portal_estimate_decision_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- The compensation of the workflow that inserted a record may remove it (see PortalSqlRepository).
  IF TG_OP = 'DELETE' AND current_setting('portal.decision_compensation', true) = 'on' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'portal_estimate_decision rows are immutable: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;`);
    this.addSql(`DROP TRIGGER IF EXISTS portal_estimate_decision_immutable ON "portal_estimate_decision";`);
    this.addSql(`CREATE TRIGGER portal_estimate_decision_immutable BEFORE UPDATE OR DELETE ON "portal_estimate_decision" FOR EACH ROW EXECUTE FUNCTION portal_estimate_decision_immutable();`);

    this.addSql(`alter table if exists "portal_settings" add column if not exists "approval_requires_name" boolean not null default false, add column if not exists "approval_terms" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "portal_estimate_decision" cascade;`);
    this.addSql(`drop function if exists portal_estimate_decision_immutable();`);

    this.addSql(`alter table if exists "portal_settings" drop column if exists "approval_requires_name", drop column if exists "approval_terms";`);
  }

}
