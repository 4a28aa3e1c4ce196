import type { BigNumberInput } from "@medusajs/framework/types"
import { MathBN } from "@medusajs/framework/utils"
import { InvoiceStatus } from "../modules/portal/constants"
import { openAmount } from "./money"

/**
 * The one home of "which overdue reminder is due": the owner's schedule turned into steps, and
 * the step (if any) an invoice should be reminded of at a given moment. Pure, so the job, the
 * tests and any preview all read the same rule.
 *
 * Days are 24-hour periods counted from the invoice's due-date instant (stored as a timestamp,
 * in UTC), so a daylight-saving change moves no reminder: "3 days before" is exactly 72 hours
 * before the moment the invoice becomes overdue.
 */

export const DAY_MS = 24 * 60 * 60 * 1000

/** A missed last step is still sent up to this many days late (a stopped job catching up), never later. */
export const LAST_STEP_GRACE_DAYS = 7

/** Bounds of the owner's schedule settings (validated on input and here). */
export const REMINDER_LIMITS = {
  days_before: { min: 0, max: 60 },
  every_days_after: { min: 0, max: 90 },
  max: { min: 0, max: 24 },
} as const

/** The schedule as the settings row stores it. */
export type ReminderSchedule = {
  reminders_enabled: boolean
  /** 0: no reminder before the due date. */
  reminder_days_before: number
  reminder_on_due_date: boolean
  /** 0: no reminder after the due date. */
  reminder_every_days_after: number
  /** At most this many reminders after the due date. */
  reminder_max: number
}

type DateLike = Date | string

export type ReminderInvoice = {
  status: string
  due_date?: DateLike | null
  /** A step whose moment came before the invoice was sent is covered by the invoice email. */
  sent_at?: DateLike | null
  total: BigNumberInput
  amount_paid: BigNumberInput
}

/** A step of the schedule: `before-3`, `due`, `after-1`, `after-2`, … (stable: the idempotency key). */
export type ReminderStep = { key: string; kind: "before" | "due" | "after"; offset_days: number }

export type DueReminder = ReminderStep & { at: Date }

function whole(value: number, limits: { min: number; max: number }) {
  return Number.isInteger(value) && value >= limits.min && value <= limits.max ? value : 0
}

/** The schedule's steps in time order (empty when reminders are off). */
export function reminderSteps(schedule: ReminderSchedule): ReminderStep[] {
  if (!schedule.reminders_enabled) {
    return []
  }
  const steps: ReminderStep[] = []
  const before = whole(schedule.reminder_days_before, REMINDER_LIMITS.days_before)
  if (before > 0) {
    steps.push({ key: `before-${before}`, kind: "before", offset_days: -before })
  }
  if (schedule.reminder_on_due_date) {
    steps.push({ key: "due", kind: "due", offset_days: 0 })
  }
  const every = whole(schedule.reminder_every_days_after, REMINDER_LIMITS.every_days_after)
  const max = every > 0 ? whole(schedule.reminder_max, REMINDER_LIMITS.max) : 0
  for (let n = 1; n <= max; n++) {
    steps.push({ key: `after-${n}`, kind: "after", offset_days: n * every })
  }
  return steps
}

/**
 * The due dates an invoice may have for some step to be due at `now`: the bounded window the
 * job's query reads (`due_date` between these), derived from the same steps.
 */
export function reminderDueDateWindow(schedule: ReminderSchedule, now: Date): { from: Date; to: Date } | null {
  const steps = reminderSteps(schedule)
  if (!steps.length) {
    return null
  }
  const first = steps[0].offset_days
  const last = steps[steps.length - 1].offset_days
  return {
    from: new Date(now.getTime() - (last + LAST_STEP_GRACE_DAYS) * DAY_MS),
    to: new Date(now.getTime() - first * DAY_MS),
  }
}

/**
 * The reminder an invoice is due at `now`, or null. Only a sent invoice with a due date and
 * something left to pay is reminded. The latest step whose moment has come is the one due (a job
 * that was stopped does not send the steps it missed, only the current one); a step stays due
 * until the next step's moment, the last one for LAST_STEP_GRACE_DAYS. A step that came before
 * the invoice was sent is not due. Whether it was already sent is for the caller's store to say.
 */
export function dueReminder(invoice: ReminderInvoice, schedule: ReminderSchedule, now: Date): DueReminder | null {
  if (invoice.status !== InvoiceStatus.SENT || !invoice.due_date) {
    return null
  }
  if (!MathBN.gt(openAmount(invoice.total, invoice.amount_paid), 0)) {
    return null
  }
  const due = new Date(invoice.due_date).getTime()
  const sent = invoice.sent_at ? new Date(invoice.sent_at).getTime() : null
  if (Number.isNaN(due)) {
    return null
  }
  const steps = reminderSteps(schedule)
  for (let i = steps.length - 1; i >= 0; i--) {
    const at = due + steps[i].offset_days * DAY_MS
    if (at > now.getTime()) {
      continue
    }
    const until = i + 1 < steps.length ? due + steps[i + 1].offset_days * DAY_MS : at + LAST_STEP_GRACE_DAYS * DAY_MS
    if (now.getTime() >= until || (sent !== null && at < sent)) {
      return null
    }
    return { ...steps[i], at: new Date(at) }
  }
  return null
}
