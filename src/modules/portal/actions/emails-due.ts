import type { Context } from "@medusajs/framework/types"
import type { PortalDeps } from "./types"

/** A delivery claimed this long ago without ending was cut short (its process died). */
export const EMAIL_DUE_CLAIM_STALE_MS = 5 * 60_000
/** The job leaves an owed email this long to the subscriber that normally delivers it at once. */
export const EMAIL_DUE_GRACE_MS = 60_000
/** Deliveries that end in an error (not an email refused by SMTP: that is logged and done). */
export const EMAIL_DUE_MAX_ATTEMPTS = 3

export type EmailDueSubject = { customer_id: string; subject_type: "invoice" | "estimate"; subject_id: string }

/**
 * Records the email a document change owes, in the caller's transaction. Returns its id. An older
 * owed email of the same document that nobody is delivering is superseded: after a crash, the
 * owner's Resend brings one email, not two.
 */
export async function recordEmailDue({ service, sql }: PortalDeps, subject: EmailDueSubject, sharedContext: Context) {
  const now = new Date()
  await sql.supersedeEmailsDue(subject.subject_id, now, new Date(now.getTime() - EMAIL_DUE_CLAIM_STALE_MS), sharedContext)
  const [row] = await service.createPortalEmailDues([subject], sharedContext)
  return row.id
}

export async function claimEmailDue({ sql }: PortalDeps, id: string, now: Date, sharedContext: Context) {
  return sql.claimEmailDue(id, now, new Date(now.getTime() - EMAIL_DUE_CLAIM_STALE_MS), EMAIL_DUE_MAX_ATTEMPTS, sharedContext)
}

export async function listEmailsDue({ sql }: PortalDeps, now: Date, limit: number, sharedContext: Context) {
  return sql.listEmailsDue(
    {
      createdBefore: new Date(now.getTime() - EMAIL_DUE_GRACE_MS),
      staleBefore: new Date(now.getTime() - EMAIL_DUE_CLAIM_STALE_MS),
      maxAttempts: EMAIL_DUE_MAX_ATTEMPTS,
      limit,
    },
    sharedContext
  )
}
