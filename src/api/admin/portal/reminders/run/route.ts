import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { sendInvoiceRemindersWorkflow } from "../../../../../workflows/reminders/send-invoice-reminders"

/**
 * The owner's "Send due reminders now": the same run as the hourly job, at the server's time.
 * Safe beside the job and other instances: each reminder is claimed once.
 */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { result } = await sendInvoiceRemindersWorkflow(req.scope).run({ input: { now: new Date().toISOString() } })
  res.json({ reminders: result })
}
