import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { openAmount } from "../../../lib/money"
import { whyNotEmailCustomer } from "../../../lib/portal-email"
import { dueReminder, reminderDueDateWindow } from "../../../lib/reminders"
import { daysOverdue } from "../../../lib/status"
import { PORTAL_MODULE } from "../../../modules/portal"
import type PortalModuleService from "../../../modules/portal/service"

/** One reminder to send: everything its email needs, decided at `now`. */
export type DueInvoiceReminder = {
  invoice_id: string
  customer_id: string
  step: string
  to: string
  first_name: string | null
  invoice_number: string
  /** What is left to pay, in major units. */
  amount: number
  currency_code: string
  due_date: string
  days_overdue: number
  /** ISO time the job decided at: the claim's timestamp. */
  now: string
}

/** Invoices read per query: a page is one range scan of the (status, due_date) index. */
export const REMINDER_PAGE_SIZE = 200

/**
 * The reminders due at `now`, at most `limit` of them (the rest wait for the next run): the sent
 * invoices in the schedule's due-date window, paged by (due_date, id); for each, the step the
 * rule in lib/reminders.ts says is due, unless it is done; then whether the customer may be
 * emailed (`whyNotEmailCustomer("reminder", …)`: portal on, access not disabled, no opt-out, an
 * address). Nothing is written: the claim, later, is what makes a reminder this worker's.
 */
export const findDueInvoiceRemindersStep = createStep(
  "find-due-invoice-reminders",
  async (input: { now: string; limit: number }, { container }) => {
    const portal = container.resolve<PortalModuleService>(PORTAL_MODULE)
    const now = new Date(input.now)
    const settings = await portal.retrieveSettings()
    const window = reminderDueDateWindow(settings, now)
    const due: DueInvoiceReminder[] = []
    if (!settings.enabled || !window) {
      return new StepResponse(due)
    }
    let after: { due_date: Date; id: string } | null = null
    while (due.length < input.limit) {
      const rows = await portal.listReminderCandidates(window, after, REMINDER_PAGE_SIZE)
      const found = rows
        .map((row) => ({ row, reminder: dueReminder(row, settings, now) }))
        .filter(({ row, reminder }) => reminder && !row.done_steps.includes(reminder.key))
        .filter(({ row }) => row.access_enabled !== false && !row.reminders_opt_out)
      const customerIds = [...new Set(found.map(({ row }) => row.customer_id))]
      const customers = customerIds.length
        ? await container
            .resolve(Modules.CUSTOMER)
            .listCustomers({ id: customerIds }, { select: ["id", "email", "first_name"], take: customerIds.length })
        : []
      const byId = new Map(customers.map((customer) => [customer.id, customer]))
      for (const { row, reminder } of found) {
        const customer = byId.get(row.customer_id)
        const access = row.access_enabled === null ? null : { enabled: row.access_enabled, reminders_opt_out: row.reminders_opt_out }
        if (whyNotEmailCustomer("reminder", { portal_enabled: settings.enabled, access, email: customer?.email })) {
          continue
        }
        due.push({
          invoice_id: row.id,
          customer_id: row.customer_id,
          step: reminder!.key,
          to: customer!.email!,
          first_name: customer!.first_name ?? null,
          invoice_number: row.display_number ?? row.id,
          amount: openAmount(row.total, row.amount_paid).numeric,
          currency_code: row.currency_code,
          due_date: new Date(row.due_date).toISOString(),
          // The due-date reminder reads "is due on …", the later ones how many days overdue.
          days_overdue: reminder!.kind === "after" ? daysOverdue(row, now) ?? 0 : 0,
          now: input.now,
        })
        if (due.length >= input.limit) {
          break
        }
      }
      if (rows.length < REMINDER_PAGE_SIZE) {
        break
      }
      const last = rows[rows.length - 1]
      after = { due_date: last.due_date, id: last.id }
    }
    return new StepResponse(due)
  }
)
