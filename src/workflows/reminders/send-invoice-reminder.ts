import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { EmailTemplateData } from "../../lib/email/templates"
import { withNext } from "../../lib/portal-next"
import { PortalEventActor, PortalEventType, PortalTokenSource } from "../../modules/portal/constants"
import { issuePortalLinkStep } from "../access/steps/issue-portal-link"
import { logPortalEventStep } from "../steps/log-portal-event"
import { sendPortalEmailStep } from "../steps/send-portal-email"
import { claimInvoiceReminderStep } from "./steps/claim-invoice-reminder"
import type { DueInvoiceReminder } from "./steps/find-due-invoice-reminders"
import { finishInvoiceReminderStep } from "./steps/finish-invoice-reminder"

export const sendInvoiceReminderWorkflowId = "send-invoice-reminder"

export type SendInvoiceReminderInput = DueInvoiceReminder & { payment_instructions?: string | null }

/**
 * Sends one reminder of the schedule, once: the claim (a unique row per invoice and step) comes
 * first, so of two runs, instances or retries racing for it only the winner emails. The email
 * carries a fresh magic link that opens that invoice (`next=/portal/invoices/:id`, where Pay Now
 * is). The outcome is recorded on the claim; a refused email is retried by a later run.
 */
export const sendInvoiceReminderWorkflow = createWorkflow(
  sendInvoiceReminderWorkflowId,
  (input: SendInvoiceReminderInput) => {
    const claim = claimInvoiceReminderStep(
      transform({ input }, ({ input }) => ({
        invoice_id: input.invoice_id,
        customer_id: input.customer_id,
        step: input.step,
        now: input.now,
      }))
    )
    const claimed = ({ claim }: { claim: { claimed: boolean } }) => claim.claimed
    const link = when("reminder-claimed-link", { claim }, claimed).then(() =>
      issuePortalLinkStep({ customer_id: input.customer_id, source: PortalTokenSource.EMAIL })
    )
    const email = transform({ input, link, claim }, ({ input, link, claim }) => ({
      to: input.to,
      customer_id: input.customer_id,
      template: "invoice-reminder" as const,
      data: {
        customer_first_name: input.first_name,
        invoice_number: input.invoice_number,
        amount: input.amount,
        currency_code: input.currency_code,
        due_date: input.due_date,
        days_overdue: input.days_overdue,
        portal_url: link ? withNext(link.url, `/portal/invoices/${input.invoice_id}`) : "",
        payment_instructions: input.payment_instructions ?? null,
      } as EmailTemplateData<"invoice-reminder">,
      subject_type: "invoice" as const,
      subject_id: input.invoice_id,
      idempotency_key: `portal-reminder:${claim.id}:${claim.attempts}`,
    }))
    const sent = when("reminder-claimed-send", { claim }, claimed).then(() => sendPortalEmailStep(email))
    when("reminder-claimed-finish", { claim }, claimed).then(() => {
      finishInvoiceReminderStep(
        transform({ claim, sent }, ({ claim, sent }) => ({
          id: claim.id as string,
          sent: sent?.status === "success",
          error: sent?.error ?? null,
        }))
      )
    })
    when({ sent }, ({ sent }) => sent?.status === "success").then(() => {
      logPortalEventStep(
        transform({ input, link }, ({ input, link }) => ({
          type: PortalEventType.REMINDER_SENT,
          customer_id: input.customer_id,
          actor: PortalEventActor.SYSTEM,
          subject_type: "invoice" as const,
          subject_id: input.invoice_id,
          data: { step: input.step, link_id: link?.id },
        }))
      )
    })
    const result = transform({ claim, sent }, ({ claim, sent }) => ({
      /** False: another run has (or had) this reminder; nothing was sent here. */
      claimed: claim.claimed,
      status: (claim.claimed ? sent?.status ?? "failure" : "not_claimed") as "success" | "failure" | "not_claimed",
    }))
    return new WorkflowResponse(result)
  }
)
