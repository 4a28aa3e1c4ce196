import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { openAmount } from "../lib/money"
import { PORTAL_MODULE } from "../modules/portal"
import { PortalEvents, PortalEventType } from "../modules/portal/constants"
import type PortalModuleService from "../modules/portal/service"
import { sendPortalAccessWorkflow } from "../workflows/access"

type DocumentSent = { id: string; customer_id: string; resent?: boolean }

/**
 * A sent invoice or estimate reaches the customer by email with a fresh portal link: the
 * customer's first document brings the portal-access email, later ones the document's own email.
 * Nothing is sent while the portal or the customer's access is off; that is logged instead.
 */
export default async function documentSentHandler({ event: { name, data }, container }: SubscriberArgs<DocumentSent>) {
  const portal = container.resolve<PortalModuleService>(PORTAL_MODULE)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const kind = name === PortalEvents.INVOICE_SENT ? "invoice" : "estimate"

  const settings = await portal.retrieveSettings()
  const [access] = await portal.listPortalAccesses({ customer_id: data.customer_id }, { take: 1 })
  const skipped = !settings.enabled ? "portal_disabled" : access && !access.enabled ? "access_disabled" : null
  if (skipped) {
    await portal.logEvent({
      type: PortalEventType.EMAIL_SKIPPED,
      customer_id: data.customer_id,
      subject_type: kind,
      subject_id: data.id,
      data: { reason: skipped },
    })
    return
  }

  const firstAccess = !access?.first_sent_at
  let template_data: Record<string, unknown> | undefined
  if (!firstAccess && kind === "invoice") {
    const invoice = await portal.retrievePortalInvoice(data.id)
    template_data = {
      invoice_number: invoice.display_number,
      amount: openAmount(invoice.total, invoice.amount_paid).numeric,
      currency_code: invoice.currency_code,
      due_date: invoice.due_date,
    }
  } else if (!firstAccess) {
    const estimate = await portal.retrievePortalEstimate(data.id)
    template_data = {
      estimate_number: estimate.display_number,
      amount: estimate.total,
      currency_code: estimate.currency_code,
      valid_until: estimate.valid_until,
    }
  }

  try {
    await sendPortalAccessWorkflow(container).run({
      input: {
        customer_id: data.customer_id,
        reason: "document",
        template: firstAccess ? "portal-access" : kind === "invoice" ? "invoice-sent" : "estimate-sent",
        template_data: template_data as never,
        subject_type: kind,
        subject_id: data.id,
      },
    })
  } catch (error) {
    // The document was sent all the same; the owner sees the failure and can resend access.
    logger.error(`Portal email for ${kind} ${data.id} failed: ${(error as Error).message}`)
    await portal.logEvent({
      type: PortalEventType.EMAIL_FAILED,
      customer_id: data.customer_id,
      subject_type: kind,
      subject_id: data.id,
      data: { error: (error as Error).message },
    })
  }
}

export const config: SubscriberConfig = {
  event: [PortalEvents.INVOICE_SENT, PortalEvents.ESTIMATE_SENT],
  context: { subscriberId: "portal-document-sent" },
}
