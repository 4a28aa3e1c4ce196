import type { Context } from "@medusajs/framework/types"
import { requireCustomerId } from "../../../lib/document-input"
import { supportedLocale } from "../../../lib/i18n/locale"
import type { PortalDeps } from "./types"

/**
 * The customer's access row, created (enabled, never sent) when missing and locked until the
 * transaction ends: issuing a link and disabling access are serialised, so a link issued while
 * access is being disabled cannot outlive the revocation.
 */
export async function ensureAccess({ service, sql }: PortalDeps, customerId: string, sharedContext: Context) {
  await sql.lockAccess(customerId, sharedContext)
  const [access] = await service.listPortalAccesses({ customer_id: customerId }, { take: 1 }, sharedContext)
  return access
}

/** Disabling revokes every live link at once; enabling issues none (send or copy a new one). */
export async function setPortalAccessEnabled(
  deps: PortalDeps,
  customerId: string,
  enabled: boolean,
  sharedContext: Context
) {
  const access = await ensureAccess(deps, requireCustomerId(customerId), sharedContext)
  const now = new Date()
  if (!enabled) {
    await deps.sql.revokeLiveTokens(customerId, now, sharedContext)
  }
  await deps.service.updatePortalAccesses({ id: access.id, enabled, disabled_at: enabled ? null : now }, sharedContext)
  return { changed: access.enabled !== enabled }
}

/**
 * The language the customer reads the portal, emails and PDFs in (null: their browser's, then the
 * shop's). Returns the one it replaced, for a workflow's compensation.
 */
export async function setPortalAccessLocale(
  deps: PortalDeps,
  customerId: string,
  locale: string | null,
  sharedContext: Context
): Promise<{ previous: string | null; changed: boolean }> {
  const access = await ensureAccess(deps, requireCustomerId(customerId), sharedContext)
  const previous = access.locale ?? null
  if (previous !== locale) {
    await deps.service.updatePortalAccesses({ id: access.id, locale }, sharedContext)
  }
  return { previous, changed: previous !== locale }
}

/**
 * Turns overdue reminders off (or back on) for a customer: their own choice in Profile, or the
 * owner's. Returns the value before, for compensation.
 */
export async function setRemindersOptOut(deps: PortalDeps, customerId: string, optOut: boolean, sharedContext: Context) {
  const access = await ensureAccess(deps, requireCustomerId(customerId), sharedContext)
  await deps.service.updatePortalAccesses({ id: access.id, reminders_opt_out: optOut }, sharedContext)
  return { previous: access.reminders_opt_out, changed: access.reminders_opt_out !== optOut }
}

/** Stamps first / last sent on the customer's access after a link was emailed. */
export async function recordAccessSent(deps: PortalDeps, customerId: string, sharedContext: Context) {
  const access = await ensureAccess(deps, customerId, sharedContext)
  const now = new Date()
  await deps.service.updatePortalAccesses(
    { id: access.id, last_sent_at: now, first_sent_at: access.first_sent_at ?? now },
    sharedContext
  )
}

/** A claim older than this was left by a sender that died before its email left. */
export const FIRST_ACCESS_CLAIM_STALE_MS = 5 * 60_000

/**
 * Claims the customer's first-access (welcome) email. Of several emails decided at once exactly
 * one gets a claim; the others announce their document. Null: not first access, or claimed.
 */
export async function claimFirstAccess({ sql }: PortalDeps, customerId: string, sharedContext: Context) {
  const now = new Date()
  const claimed = await sql.claimFirstAccess(
    requireCustomerId(customerId),
    now,
    new Date(now.getTime() - FIRST_ACCESS_CLAIM_STALE_MS),
    sharedContext
  )
  return claimed ? { claimed_at: now } : null
}

/** Gives the claim back when the welcome email did not leave, so the next email welcomes. */
export async function releaseFirstAccess(
  { sql }: PortalDeps,
  customerId: string,
  claimedAt: Date,
  sharedContext: Context
) {
  await sql.releaseFirstAccess(customerId, new Date(claimedAt), sharedContext)
}

/** The owner's view of a customer's access: status, dates and the live links. */
export async function retrievePortalAccessSummary({ service }: PortalDeps, customerId: string, sharedContext: Context) {
  const [access] = await service.listPortalAccesses({ customer_id: customerId }, { take: 1 }, sharedContext)
  const links = await service.listPortalTokens(
    { customer_id: customerId, revoked_at: null, expires_at: { $gt: new Date() } },
    { order: { created_at: "DESC" }, select: ["id", "source", "created_at", "expires_at", "last_used_at"] },
    sharedContext
  )
  const status =
    access?.enabled === false ? "disabled" : access?.first_sent_at || links.length ? "enabled" : "never_sent"
  return {
    customer_id: customerId,
    status,
    enabled: access?.enabled ?? true,
    first_sent_at: access?.first_sent_at ?? null,
    last_sent_at: access?.last_sent_at ?? null,
    last_opened_at: access?.last_opened_at ?? null,
    disabled_at: access?.disabled_at ?? null,
    /** The customer's chosen language; null: their browser's, then the shop default. */
    locale: supportedLocale(access?.locale),
    reminders_opt_out: access?.reminders_opt_out ?? false,
    links,
  }
}

export type CustomerDeletedMark = { customer_id: string; deleted_at: Date | null }

/**
 * Marks customers' access rows with when the Medusa customer was deleted (null: it exists again).
 * Returns the marks it replaced, only where one changed, for a workflow's compensation. A customer
 * without an access row has nothing to mark: their portal is refused as access disabled anyway.
 */
export async function setCustomerDeletedMarks(
  { service }: PortalDeps,
  marks: CustomerDeletedMark[],
  sharedContext: Context
): Promise<CustomerDeletedMark[]> {
  if (!marks.length) {
    return []
  }
  const wanted = new Map(marks.map((mark) => [mark.customer_id, mark.deleted_at]))
  const accesses = await service.listPortalAccesses({ customer_id: [...wanted.keys()] }, { select: ["id", "customer_id", "customer_deleted_at"] }, sharedContext)
  const changed = accesses.filter((access) => {
    const before = access.customer_deleted_at ? new Date(access.customer_deleted_at).getTime() : null
    const after = wanted.get(access.customer_id)
    return (before === null) !== (after == null)
  })
  if (changed.length) {
    await service.updatePortalAccesses(
      changed.map((access) => ({ id: access.id, customer_deleted_at: wanted.get(access.customer_id) ?? null })),
      sharedContext
    )
  }
  return changed.map((access) => ({ customer_id: access.customer_id, deleted_at: access.customer_deleted_at ? new Date(access.customer_deleted_at) : null }))
}
