import type { Context } from "@medusajs/framework/types"
import type { ClaimedReminderRow, ReminderCandidateRow } from "../repositories/portal-sql"
import type { PortalDeps } from "./types"

/**
 * Attempts per reminder: a reminder whose email the provider refused is claimed again by the
 * next runs, up to this many attempts in all; then it is left failed (visible in the activity
 * log as email_failed), never retried forever.
 */
export const REMINDER_MAX_ATTEMPTS = 3

export async function listReminderCandidates(
  { sql }: PortalDeps,
  window: { from: Date; to: Date },
  after: { due_date: Date; id: string } | null,
  limit: number,
  sharedContext: Context
): Promise<ReminderCandidateRow[]> {
  return sql.reminderCandidates(window, after, limit, REMINDER_MAX_ATTEMPTS, sharedContext)
}

export async function claimReminder(
  { sql }: PortalDeps,
  input: { invoice_id: string; customer_id: string; step: string; now: Date },
  sharedContext: Context
): Promise<ClaimedReminderRow | null> {
  return sql.claimReminder({ ...input, max_attempts: REMINDER_MAX_ATTEMPTS }, sharedContext)
}

export async function finishReminder(
  { sql }: PortalDeps,
  id: string,
  outcome: { status: "sent" | "failed"; at: Date; error?: string | null },
  sharedContext: Context
) {
  await sql.finishReminder(id, outcome, sharedContext)
}
