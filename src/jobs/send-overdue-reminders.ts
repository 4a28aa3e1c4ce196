import type { MedusaContainer } from "@medusajs/framework/types"
import { sendInvoiceRemindersWorkflow } from "../workflows/reminders/send-invoice-reminders"

/**
 * Overdue reminders on the owner's schedule. Only starts the workflow, which is safe to run on
 * several instances at once and again after a restart: each reminder is claimed once in the
 * database. Hourly by default; `PORTAL_REMINDERS_SCHEDULE` (a cron expression) overrides it;
 * `PORTAL_JOBS=off` skips it (the test suites that re-create the database under a running app).
 */
export default async function sendOverdueRemindersJob(container: MedusaContainer) {
  if (process.env.PORTAL_JOBS === "off") {
    return
  }
  await sendInvoiceRemindersWorkflow(container).run({ input: { now: new Date().toISOString() } })
}

export const config = {
  name: "send-overdue-reminders",
  schedule: process.env.PORTAL_REMINDERS_SCHEDULE || "0 * * * *",
}
