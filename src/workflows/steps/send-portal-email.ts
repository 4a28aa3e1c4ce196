import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { renderEmail } from "../../lib/email/render"
import { customerLocale } from "../utils/customer-locale"
import type { EmailTemplateData, EmailTemplateName } from "../../lib/email/templates"
import { PORTAL_MODULE } from "../../modules/portal"
import { PortalEventType } from "../../modules/portal/constants"
import type PortalModuleService from "../../modules/portal/service"

export type SendPortalEmailStepInput<T extends EmailTemplateName = EmailTemplateName> = {
  to: string
  customer_id: string
  template: T
  data: EmailTemplateData<T>
  subject_type?: "invoice" | "estimate" | null
  subject_id?: string | null
  /** The owner's notification address, not the customer's: no receiver is recorded. */
  to_owner?: boolean
  /** Files sent along, base64 (a receipt's paid invoice). */
  attachments?: { filename: string; content: string; content_type: string }[]
  /** Sent once per key: a second delivery of the event behind it sends nothing. */
  idempotency_key?: string
}

export type SendPortalEmailResult = { status: "success" | "failure"; notification_id?: string; error?: string }

/**
 * The language a customer's email is written in (lib/i18n `resolveLocale`; no browser to ask): the
 * one the caller set, the customer's choice, the shop default. The owner's emails stay as given.
 */
async function customerEmailLocale(
  portal: PortalModuleService,
  input: SendPortalEmailStepInput,
  shopDefault: string | null
): Promise<string | undefined> {
  if (input.data.locale || input.to_owner) {
    return input.data.locale
  }
  return customerLocale(portal, input.customer_id, shopDefault)
}

/**
 * Renders a portal email and hands it to Medusa's Notification Module (channel "email", with
 * the rendered content), so whichever email provider the merchant configured delivers it.
 * A failed send does not fail the workflow: the business change stands, the failure is logged
 * in the activity log, and the owner can resend. Nothing here is compensated: an email cannot
 * be unsent.
 */
export const sendPortalEmailStep = createStep(
  "send-portal-email",
  async (input: SendPortalEmailStepInput, { container }): Promise<StepResponse<SendPortalEmailResult>> => {
    const portal = container.resolve<PortalModuleService>(PORTAL_MODULE)
    const settings = await portal.retrieveSettings()
    const locale = await customerEmailLocale(portal, input, settings.default_locale)
    let result: SendPortalEmailResult
    try {
      const content = renderEmail(input.template, { ...input.data, locale } as never, settings)
      const [notification] = await container.resolve(Modules.NOTIFICATION).createNotifications([
        {
          to: input.to,
          channel: "email",
          template: input.template,
          content,
          // Stored by the Notification Module: ids only, never the link (it carries the token).
          data: { customer_id: input.customer_id, subject_id: input.subject_id ?? null },
          receiver_id: input.to_owner ? undefined : input.customer_id,
          resource_id: input.subject_id ?? undefined,
          resource_type: input.subject_type ?? undefined,
          attachments: input.attachments,
          idempotency_key: input.idempotency_key,
        },
      ])
      result =
        notification?.status === "failure"
          ? { status: "failure", notification_id: notification.id, error: "the email provider refused the message" }
          : { status: "success", notification_id: notification?.id }
    } catch (error) {
      result = { status: "failure", error: (error as Error).message }
    }
    if (result.status === "failure") {
      await portal.logEvent({
        type: PortalEventType.EMAIL_FAILED,
        customer_id: input.customer_id,
        subject_type: input.subject_type ?? null,
        subject_id: input.subject_id ?? null,
        data: { template: input.template, error: result.error },
      })
    }
    return new StepResponse(result)
  }
)
