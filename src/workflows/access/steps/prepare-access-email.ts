import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { EmailTemplateData, EmailTemplateName } from "../../../lib/email/templates"
import { openAmount } from "../../../lib/money"
import { PORTAL_MODULE } from "../../../modules/portal"
import type PortalModuleService from "../../../modules/portal/service"

export type PortalDocumentRef = { type: "invoice" | "estimate"; id: string }

export type AccessEmail = {
  template: EmailTemplateName
  /** The template's data except the link, which the workflow adds once it is issued. */
  data: Record<string, unknown>
}

/**
 * Which email carries a new link: the portal-access email, unless a document is announced to a
 * customer who already has access (then the document's own email, with its number and amount).
 */
export const prepareAccessEmailStep = createStep(
  "prepare-portal-access-email",
  async (input: { document?: PortalDocumentRef | null; first_access: boolean }, { container }) => {
    const portal = container.resolve<PortalModuleService>(PORTAL_MODULE)
    const { document } = input
    if (!document || input.first_access) {
      return new StepResponse<AccessEmail>({ template: "portal-access", data: {} })
    }
    if (document.type === "invoice") {
      const [invoice, settings] = await Promise.all([portal.retrievePortalInvoice(document.id), portal.retrieveSettings()])
      const data: Omit<EmailTemplateData<"invoice-sent">, "portal_url"> = {
        invoice_number: invoice.display_number ?? invoice.id,
        amount: openAmount(invoice.total, invoice.amount_paid).numeric,
        currency_code: invoice.currency_code,
        due_date: invoice.due_date,
        payment_instructions: settings.payment_instructions,
      }
      return new StepResponse<AccessEmail>({ template: "invoice-sent", data })
    }
    const estimate = await portal.retrievePortalEstimate(document.id)
    const data: Omit<EmailTemplateData<"estimate-sent">, "portal_url"> = {
      estimate_number: estimate.display_number ?? estimate.id,
      amount: estimate.total as never,
      currency_code: estimate.currency_code,
      valid_until: estimate.valid_until,
    }
    return new StepResponse<AccessEmail>({ template: "estimate-sent", data })
  }
)
